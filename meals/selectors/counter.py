"""The counter's look-ups: one resident by id or card (the check-in's one-query read), search by name."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When

from beneficiaries.calendar import closure_reason
from beneficiaries.cards import is_valid_card_number
from beneficiaries.eligibility import Eligibility, check_eligibility
from beneficiaries.models import ClosureDay, Entitlement, Program, Resident
from beneficiaries.selectors import resident_with_entitlements
from config.text import fold
from meals.models import MealIssue

SEARCH_LIMIT = 10


@dataclass(frozen=True)
class CheckinSubject:
    """What issuing a meal reads, all in one query."""

    resident: Resident
    entitlements: list[Entitlement]  # the resident's hot-meal entitlements
    closure_day: str | None  # the reason of the day's ClosureDay row; None when there is none
    earlier_issue_id: int | None  # the issue already recorded under the request's client_ref

    def eligibility(self, day: datetime.date) -> Eligibility:
        """May the resident have a hot meal on ``day``, decided on what was read (no further query)."""
        return check_eligibility(
            resident=self.resident,
            program=Program.HOT_MEAL,
            day=day,
            entitlements=self.entitlements,
            point_open=closure_reason(day, closure_day=self.closure_day) is None,
        )


# Read with the resident by the check-in's one query (beneficiaries.selectors.resident_with_entitlements).
_CLOSURE_DAY = f"SELECT c.reason FROM {ClosureDay._meta.db_table} c WHERE c.date = %s"  # noqa: S608
_EARLIER_ISSUE = f"SELECT i.id FROM {MealIssue._meta.db_table} i WHERE i.client_ref = %s"  # noqa: S608


def checkin_subject(
    *, day: datetime.date, resident_id: int | None = None, card: str | None = None, client_ref: str | None = None
) -> CheckinSubject | None:
    """The resident by id or card, their hot-meal entitlements, the day's closure, an earlier issue under client_ref.

    One query, because the check-in is the service's hottest path: the resident with their
    hot-meal entitlements, the closure day and the client_ref look-up as scalar subqueries of
    the same query. None when nobody has that id or card.
    """
    found = resident_with_entitlements(
        program=Program.HOT_MEAL,
        resident_id=resident_id,
        card=card,
        extra={"closure_day": (_CLOSURE_DAY, day), "earlier_issue_id": (_EARLIER_ISSUE, client_ref)},
    )
    if found is None:
        return None
    resident, entitlements = found
    return CheckinSubject(resident, entitlements, resident.closure_day, resident.earlier_issue_id)


def current_issue(*, resident_id: int, day: datetime.date) -> MealIssue | None:
    """The resident's non-voided issue of ``day`` (at most one: the database guarantees it)."""
    issues = MealIssue.objects.select_related("issued_by")
    return issues.filter(resident_id=resident_id, date=day, voided_at__isnull=True).first()


@dataclass(frozen=True)
class CheckinState:
    resident: Resident
    date: datetime.date
    eligibility: Eligibility
    issue: MealIssue | None  # today's non-voided issue

    @property
    def state(self) -> str:
        if self.issue is not None:
            return "already_issued"
        return "may_eat" if self.eligibility.eligible else "not_eligible"


def checkin_state(
    *, day: datetime.date, resident_id: int | None = None, card: str | None = None
) -> CheckinState | None:
    """What the counter shows for one resident: may eat, already served, or not eligible and why.

    The check-in's own read (:func:`checkin_subject`), so the counter is told what issuing would
    decide; then today's issue: two queries.
    """
    subject = checkin_subject(day=day, resident_id=resident_id, card=card)
    if subject is None:
        return None
    issue = current_issue(resident_id=subject.resident.pk, day=day)
    return CheckinState(resident=subject.resident, date=day, eligibility=subject.eligibility(day), issue=issue)


def residents_matching(*, text: str, day: datetime.date, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Residents whose name (typed with or without Polish letters) or card number matches.

    Last-name prefix matches come first. Each row carries ``issued_at`` of that day's meal, and the
    birth year and street that tell namesakes apart.
    Two queries; never matches on PESEL (the counter has no business with it).
    """
    residents = _matching_queryset(text)
    if residents is None:
        return []
    fields = ("id", "first_name", "last_name", "birth_date", "street", "card_number", "diet", "allergies")
    rows = list(residents.values(*fields)[:limit])
    served = dict(
        MealIssue.objects.filter(
            resident_id__in=[row["id"] for row in rows], date=day, voided_at__isnull=True
        ).values_list("resident_id", "issued_at")
    )
    for row in rows:
        row["issued_at"] = served.get(row["id"])
        birth_year_instead_of_date(row)
    return rows


def birth_year_instead_of_date(row: dict) -> None:
    """A ``.values()`` row shows the birth year only: enough to tell namesakes apart at the counter."""
    birth_date = row.pop("birth_date")
    row["birth_year"] = birth_date.year if birth_date else None


def _matching_queryset(text: str) -> QuerySet[Resident] | None:
    text = (text or "").strip()
    if text.isdigit():
        if is_valid_card_number(text):
            return Resident.objects.filter(card_number=text)
        return Resident.objects.filter(card_number__startswith=text).order_by("card_number")
    tokens = fold(text).split()
    if not tokens or len("".join(tokens)) < 2:
        return None
    residents = Resident.objects.filter(is_active=True)
    for token in tokens:
        # search_text is already folded: a plain LIKE, which PostgreSQL's trigram index serves.
        residents = residents.filter(search_text__contains=token)
    prefix_first = Case(
        When(search_text__startswith=tokens[0], then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return residents.order_by(prefix_first, "sort_name", "id")
