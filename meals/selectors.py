"""Reads of the meals app: the day's roster, the counter's look-ups, the monthly figures.

Every function runs a fixed number of queries whatever the number of rows (``.values()``
rows, no model instances per row, no per-row queries): printed lists and reports are built
from them for whole-city rosters.
"""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from beneficiaries.calendar import closure_reason, opening_days_between
from beneficiaries.cards import is_valid_card_number
from beneficiaries.eligibility import Eligibility, check_eligibility, residents_eligible_on
from beneficiaries.models import ClosureDay, Entitlement, EntitlementStatus, Program, Resident
from beneficiaries.text import fold
from meals.collation import name_sort_key
from meals.models import MealDay, MealIssue

SEARCH_LIMIT = 10


@dataclass(frozen=True)
class RosterRow:
    resident_id: int
    last_name: str
    first_name: str
    card_number: str
    district: str  # the District code, e.g. "chorzow_stary"
    document_number: str  # the hot_meal entitlement's decision number ("" if none)
    diet: list[str]
    allergies: str
    issued_at: datetime.datetime | None  # non-voided issue of that day, if served
    takeaway: bool


def meal_roster(*, day: datetime.date) -> list[RosterRow]:
    """Everyone eligible for a hot meal on `day`, plus anyone served that day, ordered by last name, first name, id.

    Names are ordered by the Polish alphabet (Ł after L, Ś after S), whatever the database's
    collation. Five queries on an opening day.
    """
    return _roster(day, residents_eligible_on(program=Program.HOT_MEAL, day=day)).rows


@dataclass(frozen=True)
class _Roster:
    rows: list[RosterRow]
    expected_ids: set[int]
    served_by: dict[int, str]  # resident id -> user name of the staff member who served
    served_by_name: dict[int, str]  # resident id -> that staff member's full name


def _roster(day: datetime.date, eligible: QuerySet[Resident]) -> _Roster:
    expected_ids = set(eligible.values_list("id", flat=True))
    served = MealIssue.objects.filter(date=day, voided_at__isnull=True)
    issue_fields = ("issued_at", "takeaway", "issued_by__username", "issued_by__first_name", "issued_by__last_name")
    issues = {row["resident_id"]: row for row in served.values("resident_id", *issue_fields)}
    residents = Resident.objects.filter(Q(id__in=eligible.values("id")) | Q(id__in=served.values("resident_id")))
    documents = _decision_numbers(day)
    fields = ("id", "last_name", "first_name", "card_number", "district", "diet", "allergies")
    rows = [_roster_row(values, documents, issues.get(values["id"])) for values in residents.values(*fields)]
    rows.sort(key=lambda row: (name_sort_key(row.last_name), name_sort_key(row.first_name), row.resident_id))
    served_by = {resident_id: issue["issued_by__username"] for resident_id, issue in issues.items()}
    served_by_name = {resident_id: _staff_name(issue) for resident_id, issue in issues.items()}
    return _Roster(rows=rows, expected_ids=expected_ids, served_by=served_by, served_by_name=served_by_name)


def _staff_name(issue: dict) -> str:
    full = f"{issue['issued_by__first_name']} {issue['issued_by__last_name']}".strip()
    return full or issue["issued_by__username"]


def _roster_row(values: dict, documents: dict[int, str], issue: dict | None) -> RosterRow:
    return RosterRow(
        resident_id=values["id"],
        last_name=values["last_name"],
        first_name=values["first_name"],
        card_number=values["card_number"] or "",
        district=values["district"],
        document_number=documents.get(values["id"], ""),
        diet=list(values["diet"] or []),
        allergies=values["allergies"],
        issued_at=issue["issued_at"] if issue else None,
        takeaway=issue["takeaway"] if issue else False,
    )


def _decision_numbers(day: datetime.date) -> dict[int, str]:
    """Resident id -> number of the hot-meal decision covering ``day``, in one query.

    When several cover the day, the one that allows the day wins, then the most recent.
    """
    covering = Entitlement.objects.filter(program=Program.HOT_MEAL, valid_from__lte=day, valid_to__gte=day)
    best: dict[int, tuple] = {}
    weekday = str(day.isoweekday())
    for resident_id, number, status, weekdays, valid_from, pk in covering.values_list(
        "resident_id", "document_number", "status", "weekdays", "valid_from", "id"
    ):
        usable = status == EntitlementStatus.ACTIVE and weekday in weekdays
        rank = (usable, valid_from, pk, number)
        if resident_id not in best or rank > best[resident_id]:
            best[resident_id] = rank
    return {resident_id: rank[-1] for resident_id, rank in best.items()}


# --- The day view ---------------------------------------------------------------------------


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

    @property
    def served_rows(self) -> list[RosterRow]:
        return sorted((r for r in self.rows if r.issued_at), key=lambda r: r.issued_at, reverse=True)

    @property
    def waiting_rows(self) -> list[RosterRow]:
        return [r for r in self.rows if r.issued_at is None]


def day_overview(*, day: datetime.date) -> DayOverview:
    """The day at the point: who is expected, who was served, the coordinator's plan."""
    reason = closure_reason(day)
    eligible = residents_eligible_on(program=Program.HOT_MEAL, day=day) if reason is None else Resident.objects.none()
    roster = _roster(day, eligible)
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
    )


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


# --- The counter ----------------------------------------------------------------------------


def _with_hot_meal_entitlements(residents: QuerySet[Resident]) -> QuerySet[Resident]:
    return residents.prefetch_related(
        Prefetch("entitlements", queryset=Entitlement.objects.filter(program=Program.HOT_MEAL))
    )


def resident_for_checkin(*, resident_id: int | None = None, card: str | None = None) -> Resident | None:
    """The resident by id or by card number, with their hot-meal entitlements (two queries)."""
    residents = _resident_by(Resident.objects.all(), resident_id=resident_id, card=card)
    return None if residents is None else _with_hot_meal_entitlements(residents).first()


def _resident_by(residents: QuerySet[Resident], *, resident_id: int | None, card: str | None):
    """Residents narrowed to the one named; None when the card cannot be anyone's."""
    if card is not None:
        card = card.strip()
        # A misread or foreign barcode fails the check digit: no query, nobody else found.
        if not is_valid_card_number(card):
            return None
        return residents.filter(card_number=card)
    return residents.filter(pk=resident_id)


@dataclass(frozen=True)
class CheckinSubject:
    """What issuing a meal reads, all in one query."""

    resident: Resident
    entitlements: list[Entitlement]  # the resident's hot-meal entitlements
    closure_day: str | None  # the reason of the day's ClosureDay row; None when there is none
    earlier_issue_id: int | None  # the issue already recorded under the request's client_ref


_CHECKIN_RESIDENT_FIELDS = (
    "id",
    "first_name",
    "last_name",
    "card_number",
    "diet",
    "allergies",
    "is_active",
    "district",
)


def _checkin_sql(by_card: bool) -> str:
    """The check-in read (see :func:`checkin_subject`); table and column names from the models."""
    resident, entitlement = Resident._meta, Entitlement._meta
    # Only what eligibility and the answer need; the other fields stay deferred (never read here).
    columns = ", ".join(f"r.{resident.get_field(name).column}" for name in _CHECKIN_RESIDENT_FIELDS)
    return f"""
        SELECT {columns},
               e.id AS entitlement_id, e.valid_from AS entitlement_valid_from, e.valid_to AS entitlement_valid_to,
               e.document_number AS entitlement_document_number, e.weekdays AS entitlement_weekdays,
               e.status AS entitlement_status,
               (SELECT c.reason FROM {ClosureDay._meta.db_table} c WHERE c.date = %s) AS closure_day,
               (SELECT i.id FROM {MealIssue._meta.db_table} i WHERE i.client_ref = %s) AS earlier_issue_id
        FROM {resident.db_table} r
        LEFT JOIN {entitlement.db_table} e ON e.resident_id = r.id AND e.program = %s
        WHERE {"r.card_number" if by_card else "r.id"} = %s
        ORDER BY e.valid_from DESC, e.id DESC
    """  # noqa: S608  (names come from the models, values are parameters)


_CHECKIN_SQL = {True: _checkin_sql(by_card=True), False: _checkin_sql(by_card=False)}
_ENTITLEMENT_FIELDS = ("id", "valid_from", "valid_to", "document_number", "weekdays", "status")


def checkin_subject(
    *, day: datetime.date, resident_id: int | None = None, card: str | None = None, client_ref: str | None = None
) -> CheckinSubject | None:
    """The resident by id or card, their hot-meal entitlements, the day's closure, an earlier issue under client_ref.

    One query, because the check-in is the service's hottest path: the resident LEFT JOIN
    their hot-meal entitlements (one row each), the closure day and the client_ref look-up as
    scalar subqueries. Raw SQL through ``Resident.objects.raw`` (model fields still converted
    as the ORM does): compiling the same query with the ORM cost four times its execution
    (``python -m bench --profile``). None when nobody has that id or card.
    """
    if card is not None:
        card = card.strip()
        # A misread or foreign barcode fails the check digit: no query, nobody else found.
        if not is_valid_card_number(card):
            return None
    params = [day, client_ref, Program.HOT_MEAL.value, card if card is not None else resident_id]
    rows = list(Resident.objects.raw(_CHECKIN_SQL[card is not None], params))
    if not rows:
        return None
    resident = rows[0]
    entitlements = [
        Entitlement(
            resident_id=resident.pk,
            program=Program.HOT_MEAL,
            **{name: getattr(row, f"entitlement_{name}") for name in _ENTITLEMENT_FIELDS},
        )
        for row in rows
        if row.entitlement_id is not None
    ]
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
    """What the counter shows for one resident: may eat, already served, or not eligible and why."""
    resident = resident_for_checkin(resident_id=resident_id, card=card)
    if resident is None:
        return None
    eligibility = check_eligibility(
        resident=resident, program=Program.HOT_MEAL, day=day, entitlements=list(resident.entitlements.all())
    )
    return CheckinState(
        resident=resident, date=day, eligibility=eligibility, issue=current_issue(resident_id=resident.pk, day=day)
    )


def residents_matching(*, text: str, day: datetime.date, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Residents whose name (typed with or without Polish letters) or card number matches.

    Last-name prefix matches come first. Each row carries ``issued_at`` of that day's meal.
    Two queries; never matches on PESEL (the counter has no business with it).
    """
    residents = _matching_queryset(text)
    if residents is None:
        return []
    fields = ("id", "first_name", "last_name", "card_number", "diet", "allergies")
    rows = list(residents.values(*fields)[:limit])
    served = dict(
        MealIssue.objects.filter(
            resident_id__in=[row["id"] for row in rows], date=day, voided_at__isnull=True
        ).values_list("resident_id", "issued_at")
    )
    for row in rows:
        row["issued_at"] = served.get(row["id"])
    return rows


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
    return residents.order_by(prefix_first, "last_name", "first_name", "id")


# --- Monthly figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyMealFigures:
    year: int
    month: int
    per_day: list[tuple[datetime.date, int]]  # each opening day of the month (and any day with issues) -> meals
    per_resident: list[tuple[int, str, str, str, int]]  # (resident_id, last_name, first_name, district, meals)
    distinct_persons: int
    by_district: dict[str, int]  # District code -> meals
    total: int


def monthly_meal_figures(*, year: int, month: int) -> MonthlyMealFigures:
    """Non-voided meals of one month, as the programme's settlement needs them (three queries).

    ``district`` is the resident's district code as recorded now.
    """
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    issues = MealIssue.objects.filter(date__range=(first, last), voided_at__isnull=True).order_by()
    per_day = dict.fromkeys(opening_days_between(first, last), 0)
    per_day.update(issues.values_list("date").annotate(meals=Count("id")))
    per_resident = _meals_per_resident(issues)
    by_district: Counter[str] = Counter()
    for _id, _last, _first, district, meals in per_resident:
        by_district[district] += meals
    return MonthlyMealFigures(
        year=year,
        month=month,
        per_day=sorted(per_day.items()),
        per_resident=per_resident,
        distinct_persons=len(per_resident),
        by_district=dict(sorted(by_district.items())),
        total=sum(by_district.values()),
    )


def _meals_per_resident(issues: QuerySet[MealIssue]) -> list[tuple[int, str, str, str, int]]:
    rows = list(
        issues.values_list("resident_id", "resident__last_name", "resident__first_name", "resident__district").annotate(
            meals=Count("id")
        )
    )
    rows.sort(key=lambda row: (name_sort_key(row[1]), name_sort_key(row[2]), row[0]))
    return rows
