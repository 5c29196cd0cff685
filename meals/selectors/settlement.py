"""The caterer's settlement of a month: meals per day and funding, times each day's price.

What the caterer's invoice is checked against (docs/reports.md). A meal's funding is that
of the hot-meal decision covering its day (``Entitlement.funding``); a meal no decision covers
any more (the decision was shortened afterwards) counts under the programme, the default of a
decision. Voided meals are shown apart and cost nothing.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from beneficiaries.calendar import opening_days_between
from beneficiaries.models import Entitlement, Funding, Program
from meals.models import IssueSource, MealIssue
from meals.selectors.prices import prices_on


@dataclass(frozen=True)
class SettlementRow:
    """One day and one funding that had meals (issued or voided)."""

    date: datetime.date
    funding: str
    issued: int  # not voided
    voided: int
    price: Decimal | None  # None: no price in force that day
    amount: Decimal | None  # issued x price
    paper: int = 0  # of the issued, those entered afterwards from a signed paper list


@dataclass(frozen=True)
class SettlementTotal:
    funding: str  # "" for the grand total
    issued: int
    voided: int
    amount: Decimal | None  # None when a day with meals has no price


@dataclass(frozen=True)
class MealSettlement:
    year: int
    month: int
    rows: list[SettlementRow]  # by day, then funding (programme first)
    totals: list[SettlementTotal]  # one per funding, both always
    total: SettlementTotal
    per_day: list[tuple[datetime.date, int]]  # issued meals on each opening day (and any day with meals)
    days_without_price: list[datetime.date]  # days with meals but no price: the amounts are incomplete
    paper_days: list[tuple[datetime.date, int]]  # days with meals entered from paper -> how many


def meal_settlement(*, year: int, month: int) -> MealSettlement:
    """The month's settlement in three queries (meals, prices, closure days), whatever its size."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    counted = list(_by_day_and_funding(MealIssue.objects.filter(date__range=(first, last))))
    prices = prices_on(sorted({day for day, *_counts in counted}))
    rows = [_row(day, funding, prices[day], *counts) for day, funding, *counts in counted]
    rows.sort(key=lambda row: (row.date, list(Funding.values).index(row.funding)))
    per_day = dict.fromkeys(opening_days_between(first, last), 0)
    for row in rows:
        per_day[row.date] = per_day.get(row.date, 0) + row.issued
    return MealSettlement(
        year=year,
        month=month,
        rows=rows,
        totals=[_total(funding, [row for row in rows if row.funding == funding]) for funding in Funding.values],
        total=_total("", rows),
        per_day=sorted(per_day.items()),
        days_without_price=sorted({row.date for row in rows if row.price is None and row.issued}),
        paper_days=_paper_days(rows),
    )


def issue_funding(issues: QuerySet[MealIssue]) -> QuerySet[MealIssue]:
    """``issues`` annotated with ``funding``: that of the hot-meal decision covering the meal's day."""
    decision = Entitlement.objects.filter(
        resident_id=OuterRef("resident_id"),
        program=Program.HOT_MEAL,
        valid_from__lte=OuterRef("date"),
        valid_to__gte=OuterRef("date"),
    ).order_by("-valid_from", "-id")
    return issues.annotate(funding=Coalesce(Subquery(decision.values("funding")[:1]), Value(Funding.PROGRAMME)))


def _by_day_and_funding(issues: QuerySet[MealIssue]):
    """(date, funding, issued, voided, paper) for each day and funding with meals: one query."""
    return (
        issue_funding(issues)
        .order_by()
        .values_list("date", "funding")
        .annotate(
            issued=Count("id", filter=Q(voided_at__isnull=True)),
            voided=Count("id", filter=Q(voided_at__isnull=False)),
            paper=Count("id", filter=Q(voided_at__isnull=True, source=IssueSource.PAPER)),
        )
    )


def _row(day, funding: str, price: Decimal | None, issued: int, voided: int, paper: int) -> SettlementRow:
    amount = None if price is None and issued else issued * (price or Decimal("0.00"))
    return SettlementRow(day, funding, issued=issued, voided=voided, price=price, amount=amount, paper=paper)


def _paper_days(rows: list[SettlementRow]) -> list[tuple[datetime.date, int]]:
    days: dict[datetime.date, int] = {}
    for row in rows:
        if row.paper:
            days[row.date] = days.get(row.date, 0) + row.paper
    return sorted(days.items())


def _total(funding: str, rows: list[SettlementRow]) -> SettlementTotal:
    priced = all(row.amount is not None for row in rows if row.issued)
    return SettlementTotal(
        funding=funding,
        issued=sum(row.issued for row in rows),
        voided=sum(row.voided for row in rows),
        amount=sum((row.amount or Decimal("0") for row in rows), Decimal("0.00")) if priced else None,
    )
