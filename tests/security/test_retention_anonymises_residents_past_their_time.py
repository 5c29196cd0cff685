"""The nightly job anonymises residents past retention (RETENTION_YEARS from 1 January after the last entitlement).

Names, PESEL, address, contact and health data go, from the resident and from the audit
trail; the counts (meals per day and district, distinct persons, sign-ups) stay the same.
"""

import datetime
import json

import pytest

from beneficiaries.models import Program, Resident
from beneficiaries.selectors import residents_due_for_anonymisation
from beneficiaries.services.residents import ANONYMOUS_LAST_NAME, resident_update
from config.models import AuditEvent
from meals.models import MealIssue
from meals.selectors.figures import monthly_meal_figures
from tasks import tasks
from tasks.beat import BEAT_SCHEDULE
from tasks.celery import app
from tests.factories import EntitlementFactory, ResidentFactory
from tests.support import DAY, NOW
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

PESEL = "44051401359"
LONG_AGO = datetime.date(2024, 12, 31)  # with one year of retention: kept through 2025, due from 1 January 2026


def resident_whose_decision_ended(on: datetime.date, **fields) -> Resident:
    resident = ResidentFactory(**fields)
    EntitlementFactory(
        resident=resident,
        program=Program.HOT_MEAL,
        valid_from=on - datetime.timedelta(days=90),
        valid_to=on,
        monthly_income="900.00",
        household_size=1,
    )
    return resident


@pytest.fixture
def retention(settings):
    settings.RETENTION_YEARS = 1
    return settings.RETENTION_YEARS


@pytest.fixture
def former(retention, frozen_clock, coordinator):
    """Served meals and took part in a workshop long ago; the decision ended 400 days ago."""
    resident = resident_whose_decision_ended(
        LONG_AGO,
        first_name="Łukasz",
        last_name="Żółć",
        pesel=PESEL,
        birth_date=datetime.date(1944, 5, 14),
        phone="600100200",
        diet=["diabetic"],
        allergies="orzechy",
        notes="mieszka z córką",
    )
    resident_update(resident=resident, by=coordinator, phone="600100201")  # an audited edit with personal data
    for days in (10, 11):
        MealIssue.objects.create(
            resident=resident,
            date=LONG_AGO - datetime.timedelta(days=days),
            issued_at=NOW,
            issued_by=coordinator,
            collected_by="Anna Żółć (córka)",
        )
    session = WorkshopSession.objects.create(
        title="Zupy",
        topic=Topic.COOKING,
        starts_at=NOW - datetime.timedelta(days=500),
        ends_at=NOW - datetime.timedelta(days=500, hours=-3),
        capacity=5,
    )
    Signup.objects.create(session=session, resident=resident, status=SignupStatus.CONFIRMED, attended=True)
    return resident


def test_only_residents_past_retention_are_due(former, frozen_clock):
    recent = resident_whose_decision_ended(datetime.date(2025, 1, 1))  # more than a year ago, but in 2025
    renewed = resident_whose_decision_ended(LONG_AGO)
    EntitlementFactory(resident=renewed, valid_from=DAY, valid_to=DAY + datetime.timedelta(days=30))
    never_entitled = ResidentFactory()
    Resident.objects.filter(pk=never_entitled.pk).update(created_at=NOW - datetime.timedelta(days=500))
    just_registered = ResidentFactory()

    due = set(residents_due_for_anonymisation(today=DAY).values_list("pk", flat=True))

    assert former.pk in due and never_entitled.pk in due
    assert due.isdisjoint({recent.pk, renewed.pk, just_registered.pk})


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2025, 12, 31), False),
        (datetime.date(2026, 1, 1), True),
    ],
)
def test_retention_counts_from_1_january_after_the_last_entitlement(db, retention, today, due):
    ended = resident_whose_decision_ended(datetime.date(2024, 6, 30))
    assert residents_due_for_anonymisation(today=today).filter(pk=ended.pk).exists() is due


def test_the_nightly_task_removes_names_pesel_and_health_data(former, frozen_clock):
    assert tasks.residents_anonymise_due.apply().get() == 1
    resident = Resident.objects.get(pk=former.pk)
    assert resident.anonymised_at is not None and resident.is_active is False
    assert (resident.last_name, resident.first_name) == (ANONYMOUS_LAST_NAME, f"#{former.pk}")
    assert resident.pesel is None and resident.birth_date is None and resident.phone == ""
    assert resident.diet == [] and resident.allergies == "" and resident.notes == "" and resident.street == ""
    entitlement = resident.entitlements.get()
    assert entitlement.document_number == "" and entitlement.monthly_income is None
    assert set(MealIssue.objects.filter(resident=resident).values_list("collected_by", flat=True)) == {""}


def test_nothing_personal_is_left_anywhere_in_the_audit_trail(former, frozen_clock):
    assert AuditEvent.objects.filter(object_id=str(former.pk)).exists()
    tasks.residents_anonymise_due.apply()
    trail = json.dumps(list(AuditEvent.objects.values("before", "after")), ensure_ascii=False, default=str)
    for personal in (PESEL, "Żółć", "Łukasz", "600100200", "600100201", "orzechy", "córką", "Anna"):
        assert personal not in trail
    event = AuditEvent.objects.get(action="resident.anonymise")
    assert event.actor is None and event.after["reason"] == "retention"


def test_the_counts_survive(former, frozen_clock):
    month = LONG_AGO - datetime.timedelta(days=10)
    before = monthly_meal_figures(year=month.year, month=month.month)
    tasks.residents_anonymise_due.apply()
    after = monthly_meal_figures(year=month.year, month=month.month)
    assert (after.total, after.distinct_persons, after.by_district) == (
        before.total,
        before.distinct_persons,
        before.by_district,
    )
    assert after.total >= 1
    assert Signup.objects.filter(resident=former, attended=True).count() == 1


def test_a_second_night_finds_nobody(former, frozen_clock):
    assert tasks.residents_anonymise_due.apply().get() == 1
    assert tasks.residents_anonymise_due.apply().get() == 0


def test_the_job_runs_every_night_from_the_schedule():
    entry = BEAT_SCHEDULE["residents-anonymise-due"]
    assert entry["task"] == "tasks.residents_anonymise_due" and entry["task"] in app.tasks
    assert entry["schedule"].hour == {2} and entry["schedule"].minute == {30}
    assert len(entry["schedule"].day_of_month) == 31 and len(entry["schedule"].day_of_week) == 7
