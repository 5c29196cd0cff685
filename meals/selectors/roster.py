"""The day's roster: everyone eligible for a hot meal, and who was served, in Polish name order.

A fixed number of queries whatever the number of rows (``.values()`` rows, no model instances
per row): printed lists are built from it for whole-city rosters.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from beneficiaries.eligibility import residents_eligible_on
from beneficiaries.models import Entitlement, EntitlementStatus, Program, Resident
from config.text import staff_name
from meals.models import MealIssue


@dataclass(frozen=True)
class RosterRow:
    resident_id: int
    last_name: str
    first_name: str
    card_number: str
    birth_year: int | None  # tells namesakes apart on the signed list
    district: str  # the District code, e.g. "chorzow_stary"
    document_number: str  # the hot_meal entitlement's decision number ("" if none)
    diet: list[str]
    allergies: str
    issued_at: datetime.datetime | None  # non-voided issue of that day, if served
    takeaway: bool
    source: str = ""  # how that issue was recorded (meals.models.IssueSource), "" if not served
    recorded_at: datetime.datetime | None = None  # when it was recorded (a paper list: when entered)


def meal_roster(*, day: datetime.date) -> list[RosterRow]:
    """Everyone eligible for a hot meal on `day`, plus anyone served that day, ordered by last name, first name, id.

    Names are ordered by the Polish alphabet (Ł after L, Ś after S), whatever the database's
    collation. Five queries on an opening day.
    """
    return roster_for(day, residents_eligible_on(program=Program.HOT_MEAL, day=day)).rows


@dataclass(frozen=True)
class Roster:
    rows: list[RosterRow]
    expected_ids: set[int]
    served_by: dict[int, str]  # resident id -> user name of the staff member who served
    served_by_name: dict[int, str]  # resident id -> that staff member's full name


def roster_for(day: datetime.date, eligible: QuerySet[Resident]) -> Roster:
    """The rows of ``eligible`` and of anyone served on ``day``, with who served each."""
    expected_ids = set(eligible.values_list("id", flat=True))
    served = MealIssue.objects.filter(date=day, voided_at__isnull=True)
    issue_fields = (
        "issued_at",
        "takeaway",
        "source",
        "recorded_at",
        "issued_by__username",
        "issued_by__first_name",
        "issued_by__last_name",
    )
    issues = {row["resident_id"]: row for row in served.values("resident_id", *issue_fields)}
    residents = Resident.objects.filter(Q(id__in=eligible.values("id")) | Q(id__in=served.values("resident_id")))
    documents = _decision_numbers(day)
    fields = ("id", "last_name", "first_name", "card_number", "birth_date", "district", "diet", "allergies")
    ordered = residents.order_by("sort_name", "id").values(*fields)  # Polish order: docs/polish.md
    rows = [_roster_row(values, documents, issues.get(values["id"])) for values in ordered]
    served_by = {resident_id: issue["issued_by__username"] for resident_id, issue in issues.items()}
    served_by_name = {resident_id: staff_name_of(issue, "issued_by") for resident_id, issue in issues.items()}
    return Roster(rows=rows, expected_ids=expected_ids, served_by=served_by, served_by_name=served_by_name)


def staff_name_of(values: dict, user_field: str) -> str:
    """config.text.staff_name of the user ``user_field`` names, from a ``.values()`` row that fetched
    ``<user_field>__username``, ``__first_name`` and ``__last_name``."""
    user = get_user_model()(
        username=values[f"{user_field}__username"],
        first_name=values[f"{user_field}__first_name"],
        last_name=values[f"{user_field}__last_name"],
    )
    return staff_name(user)


def _roster_row(values: dict, documents: dict[int, str], issue: dict | None) -> RosterRow:
    return RosterRow(
        resident_id=values["id"],
        last_name=values["last_name"],
        first_name=values["first_name"],
        card_number=values["card_number"] or "",
        birth_year=values["birth_date"].year if values["birth_date"] else None,
        district=values["district"],
        document_number=documents.get(values["id"], ""),
        diet=list(values["diet"] or []),
        allergies=values["allergies"],
        issued_at=issue["issued_at"] if issue else None,
        takeaway=issue["takeaway"] if issue else False,
        source=issue["source"] if issue else "",
        recorded_at=issue["recorded_at"] if issue else None,
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
