"""The day at the meal point: who is expected, who was served, the coordinator's plan."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from beneficiaries.calendar import closure_reason, opening_days_between
from beneficiaries.eligibility import residents_eligible_on
from beneficiaries.models import Program, Resident
from meals.models import MealDay, MealIssue, OfflineConflict
from meals.selectors.roster import RosterRow, roster_for, staff_name_of


class _WithPlan:
    """The coordinator's plan for the day, blank when none was entered."""

    plan: MealDay | None

    @property
    def plan_menu(self) -> str:
        return self.plan.menu if self.plan else ""

    @property
    def plan_portions(self) -> int | None:
        return self.plan.portions_planned if self.plan else None

    @property
    def plan_note(self) -> str:
        return self.plan.note if self.plan else ""


@dataclass(frozen=True)
class VoidedIssue:
    id: int
    resident_id: int
    last_name: str
    first_name: str
    card_number: str
    issued_at: datetime.datetime
    voided_at: datetime.datetime
    voided_by: str  # user name
    voided_by_name: str  # full name, for the page
    void_reason: str


def voided_on(*, day: datetime.date) -> list[VoidedIssue]:
    """The issues of ``day`` that were voided, latest void first, in one query."""
    fields = ("id", "resident_id", "resident__last_name", "resident__first_name", "resident__card_number")
    fields += ("issued_at", "voided_at", "voided_by__username", "voided_by__first_name", "voided_by__last_name")
    issues = MealIssue.objects.filter(date=day, voided_at__isnull=False).order_by("-voided_at", "-id")
    return [_voided(values) for values in issues.values(*fields, "void_reason")]


def _voided(values: dict) -> VoidedIssue:
    return VoidedIssue(
        id=values["id"],
        resident_id=values["resident_id"],
        last_name=values["resident__last_name"],
        first_name=values["resident__first_name"],
        card_number=values["resident__card_number"] or "",
        issued_at=values["issued_at"],
        voided_at=values["voided_at"],
        voided_by=values["voided_by__username"],  # a void always names who made it (void_names_who_voided)
        voided_by_name=staff_name_of(values, "voided_by"),
        void_reason=values["void_reason"],
    )


@dataclass(frozen=True)
class DayOverview(_WithPlan):
    date: datetime.date
    open: bool
    closure_reason: str
    expected: int  # everyone eligible that day
    issued: int  # non-voided issues that day
    rows: list[RosterRow]
    expected_ids: set[int]
    served_by: dict[int, str]
    served_by_name: dict[int, str]
    plan: MealDay | None
    voided: list[VoidedIssue]  # the day's issues that were undone, latest first
    conflicts: list[OfflineConflict]

    @property
    def served_rows(self) -> list[RosterRow]:
        return sorted((r for r in self.rows if r.issued_at), key=lambda r: r.issued_at, reverse=True)

    @property
    def waiting_rows(self) -> list[RosterRow]:
        return [r for r in self.rows if r.issued_at is None]


def day_overview(*, day: datetime.date) -> DayOverview:
    """The day at the point: who is expected, who was served (and how), the coordinator's plan, offline conflicts."""
    reason = closure_reason(day)
    eligible = residents_eligible_on(program=Program.HOT_MEAL, day=day) if reason is None else Resident.objects.none()
    roster = roster_for(day, eligible)
    return DayOverview(
        date=day,
        open=reason is None,
        closure_reason=reason or "",
        expected=len(roster.expected_ids),
        issued=len(roster.served_by),
        rows=roster.rows,
        expected_ids=roster.expected_ids,
        served_by=roster.served_by,
        served_by_name=roster.served_by_name,
        plan=MealDay.objects.filter(date=day).first(),
        voided=voided_on(day=day),
        conflicts=offline_conflicts_on(day=day),
    )


def offline_conflicts_on(*, day: datetime.date) -> list[OfflineConflict]:
    """Meals served offline that the server refused when the queue was sent, with the issue in the way."""
    related = ("resident", "scanned_by", "issue__issued_by")
    return list(OfflineConflict.objects.filter(date=day).select_related(*related))


@dataclass(frozen=True)
class DaySummary(_WithPlan):
    date: datetime.date
    open: bool
    expected: int
    issued: int
    plan: MealDay | None


def day_summary(*, day: datetime.date) -> DaySummary:
    """Counts only, for the counter's "served N of M" that refreshes every few seconds."""
    is_open = closure_reason(day) is None
    expected = residents_eligible_on(program=Program.HOT_MEAL, day=day).count() if is_open else 0
    return DaySummary(
        date=day,
        open=is_open,
        expected=expected,
        issued=MealIssue.objects.filter(date=day, voided_at__isnull=True).count(),
        plan=MealDay.objects.filter(date=day).first(),
    )


def day_plan(*, day: datetime.date) -> MealDay:
    """The coordinator's plan for ``day``; an unsaved blank one when none was entered."""
    return MealDay.objects.filter(date=day).select_related("updated_by").first() or MealDay(date=day)


def issues_on(*, day: datetime.date) -> QuerySet[MealIssue]:
    """Every issue of the day, voided ones included, newest first (one query per page)."""
    return MealIssue.objects.filter(date=day).select_related("resident", "issued_by", "voided_by")


@dataclass(frozen=True)
class DayCount:
    date: datetime.date
    expected: int  # eligible that day (by today's records)
    served: int  # non-voided issues that day


def days_counted(*, first: datetime.date, last: datetime.date) -> list[DayCount]:
    """Expected against served on each opening day in [first, last] (and any day with meals): three queries."""
    days = opening_days_between(first, last)
    served = dict(
        MealIssue.objects.filter(date__range=(first, last), voided_at__isnull=True)
        .order_by()
        .values_list("date")
        .annotate(n=Count("id"))
    )
    expected = _expected_on(days)
    every_day = sorted(set(days) | set(served))
    return [DayCount(date=day, expected=expected.get(day, 0), served=served.get(day, 0)) for day in every_day]


def _expected_on(days: list[datetime.date]) -> dict[datetime.date, int]:
    """How many were eligible on each (opening) day, counted in one aggregate query."""
    if not days:
        return {}
    counts = Resident.objects.aggregate(
        **{f"d{index}": Count("id", filter=Q(id__in=_eligible_ids(day))) for index, day in enumerate(days)}
    )
    return {day: counts[f"d{index}"] for index, day in enumerate(days)}


def _eligible_ids(day: datetime.date):
    """Only called for opening days (opening_days_between): no closure look-up per day."""
    return residents_eligible_on(program=Program.HOT_MEAL, day=day, point_open=True).values("id")
