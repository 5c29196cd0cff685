"""Builders behind ``load_demo_data``: every resident and entitlement goes through the real
services, so demo data obeys the same rules (PESEL, street register, income test) as real data."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from beneficiaries.calendar import opening_days_between
from beneficiaries.eligibility import residents_eligible_on
from beneficiaries.models import DietTag, Funding, Program, Street
from beneficiaries.services.entitlements import entitlement_create
from beneficiaries.services.residents import resident_create
from config.dates import previous_month
from config.exceptions import DomainError
from demo.names import ALLERGIES, FEMALE_FIRST, MALE_FIRST, OTHER_STREETS, SURNAMES
from meals.models import MealIssue
from meals.services import meal_price_create
from workshops.models import Topic, WorkshopSession
from workshops.services import session_create, signup_create

DEMO_MARKER = "Dane demonstracyjne"
PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)

SESSION_TITLES = {
    Topic.COOKING: "Gotowanie z FEAD-em: zupy jednogarnkowe",
    Topic.NUTRITION: "Zdrowa dieta seniora",
    Topic.BUDGETING: "Budżet domowy bez tajemnic",
    Topic.FOOD_WASTE: "Nie marnuję jedzenia",
}


def demo_user(username: str):
    return get_user_model().objects.get(username=username)


def make_pesel(rng: random.Random, birth: datetime.date, male: bool) -> str:
    month = birth.month + (20 if birth.year >= 2000 else 0)
    serial = rng.randrange(0, 1000)
    sex = rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    digits = f"{birth:%y}{month:02d}{birth:%d}{serial:03d}{sex}"
    check = (10 - sum(int(d) * w for d, w in zip(digits, PESEL_WEIGHTS, strict=True)) % 10) % 10
    return digits + str(check)


def make_resident(rng: random.Random, *, by):
    male = rng.random() < 0.45
    first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
    last = rng.choice(SURNAMES)[0 if male else 1]
    birth = datetime.date(rng.randint(1938, 2004), rng.randint(1, 12), rng.randint(1, 28))
    fields = {
        "first_name": first,
        "last_name": last,
        "birth_date": birth,
        "street": _street(rng),
        "building": str(rng.randint(1, 120)),
        "flat": str(rng.randint(1, 40)) if rng.random() < 0.7 else "",
        "postal_code": "41-500" if rng.random() < 0.5 else "41-503",
        "diet": _diet(rng),
        "allergies": rng.choice(ALLERGIES) if rng.random() < 0.15 else "",
        "notes": DEMO_MARKER,
    }
    if rng.random() < 0.8:  # some homeless people and foreigners have no PESEL
        fields["pesel"] = make_pesel(rng, birth, male)
    resident, _ = resident_create(by=by, **fields)
    return resident


def _street(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(OTHER_STREETS)
    name = rng.choice(list(Street.objects.values_list("name", flat=True)))
    # People write streets the way they say them: "ul. Kasprowicza" for "Jana Kasprowicza".
    short = name.split()[-1] if " " in name and rng.random() < 0.5 else name
    return f"ul. {short}" if rng.random() < 0.5 else short


def _diet(rng: random.Random) -> list[str]:
    if rng.random() > 0.25:
        return []
    return sorted(rng.sample(DietTag.values, k=rng.randint(1, 2)))


def give_entitlements(rng: random.Random, people, *, today: datetime.date, by):
    year_start, year_end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
    for number, resident in enumerate(people, start=1):
        if rng.random() < 0.18:  # about 30 decisions: the point serves about 30 a day
            ends = year_end if rng.random() < 0.9 else today - datetime.timedelta(days=rng.randint(1, 60))
            entitlement_create(
                resident=resident,
                by=by,
                program=Program.HOT_MEAL,
                valid_from=year_start,
                valid_to=max(ends, year_start),
                document_number=f"OPS.DŚ.8220.{number}.{today.year}",
                household_size=rng.randint(1, 4),
                monthly_income=Decimal(rng.randint(300, 800)),
                # Some decisions are the municipality's own (settlements split by funding).
                funding=Funding.OWN_FUNDS if rng.random() < 0.2 else Funding.PROGRAMME,
            )
        if rng.random() < 0.5:
            entitlement_create(
                resident=resident,
                by=by,
                program=Program.FEAD,
                valid_from=today - datetime.timedelta(days=rng.randint(10, 200)),
                valid_to=today + datetime.timedelta(days=rng.randint(30, 200)),
                document_number=f"FEAD/{today.year}/{number:03d}",
                weekdays=(1, 2, 3, 4, 5, 6, 7),
            )


# Two people of the same name (the counter tells them apart by birth year and street) and allergies
# the staff must notice: what issue 11 asked the demo to show.
COUNTER_CASES = [
    ("Żaneta", "Bąk", datetime.date(1951, 5, 1), "Cisowa", "orzechy"),
    ("Żaneta", "Bąk", datetime.date(1987, 9, 9), "Antoniowska", ""),
    ("Łucja", "Żółkiewska", datetime.date(1949, 11, 30), "Jana Kasprowicza", "gluten, seler"),
    ("Grzegorz", "Ślusarczyk", datetime.date(1962, 2, 14), "Wiejska", "ryby"),
]


def make_counter_cases(*, today: datetime.date, by) -> list:
    """Namesakes and allergies, each with a hot-meal decision for the year."""
    people = []
    for number, (first, last, birth, street, allergies) in enumerate(COUNTER_CASES, start=1):
        resident, _ = resident_create(
            by=by,
            first_name=first,
            last_name=last,
            birth_date=birth,
            street=street,
            building=str(number * 7),
            postal_code="41-503",
            allergies=allergies,
            notes=DEMO_MARKER,
        )
        entitlement_create(
            resident=resident,
            by=by,
            program=Program.HOT_MEAL,
            valid_from=datetime.date(today.year, 1, 1),
            valid_to=datetime.date(today.year, 12, 31),
            document_number=f"OPS.DŚ.8220.K{number}.{today.year}",
        )
        people.append(resident)
    return people


def make_sessions(rng: random.Random, *, today: datetime.date, leader) -> list[WorkshopSession]:
    """A fortnight of workshops: last week (held) and the next week (open for sign-up)."""
    sessions = []
    for offset in range(-7, 8):
        day = today + datetime.timedelta(days=offset)
        if day.isoweekday() not in (2, 4):
            continue
        topic = rng.choice(Topic.values)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        sessions.append(
            session_create(
                by=leader,
                title=SESSION_TITLES[topic],
                topic=topic,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3),
                capacity=rng.choice((8, 10, 12)),
                location="CPS, ul. Kasprowicza 2, kuchnia",
            )
        )
    return sessions


def sign_up(rng: random.Random, sessions, people, *, by):
    """Sign-ups for next week's sessions, through the real service (capacity and waiting list)."""
    fead = [p for p in people if p.entitlements.filter(program=Program.FEAD).exists()]
    for session in sessions:
        if session.starts_at <= timezone.now():
            continue
        for resident in rng.sample(fead, k=min(len(fead), session.capacity + 2)):
            try:
                signup_create(session_id=session.pk, resident_id=resident.pk, by=by)
            except DomainError:  # not eligible on that day: demo data simply has no such sign-up
                continue


def set_prices(*, today: datetime.date, by):
    """The caterer's price since 1 January, raised in the middle of last month (settlements show both)."""
    meal_price_create(by=by, valid_from=datetime.date(today.year, 1, 1), price=Decimal("14.50"))
    meal_price_create(by=by, valid_from=datetime.date(*previous_month(today), 16), price=Decimal("15.20"))


def serve_past_days(rng: random.Random, *, today: datetime.date, days: int, by) -> int:
    """The counter's history: most of those eligible came on each opening day before today.

    Written as rows, like a factory: these meals were "served" before the demo existed, which
    the check-in service (for the moment of now) rightly does not allow.
    """
    issues = []
    for day in opening_days_between(today - datetime.timedelta(days=days), today - datetime.timedelta(days=1)):
        for resident_id in residents_eligible_on(program=Program.HOT_MEAL, day=day).values_list("id", flat=True):
            if rng.random() < 0.85:
                moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, rng.randint(0, 55))))
                issues.append(_past_issue(rng, resident_id, day, moment, by))
    MealIssue.objects.bulk_create(issues, batch_size=1000)
    return len(issues)


def _past_issue(rng: random.Random, resident_id: int, day: datetime.date, moment, by) -> MealIssue:
    voided = rng.random() < 0.01
    return MealIssue(
        resident_id=resident_id,
        date=day,
        issued_at=moment,
        recorded_at=moment,
        issued_by=by,
        takeaway=rng.random() < 0.1,
        voided_at=moment + datetime.timedelta(minutes=2) if voided else None,
        voided_by=by if voided else None,
        void_reason="Wydano omyłkowo" if voided else "",
    )
