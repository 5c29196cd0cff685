"""The hot-meal programme's figures of a month ("Posiłek w szkole i w domu"): who ate, how, at what cost.

Distinct persons by sex and age band (from the PESEL and the birth date), meals taken away,
and the cost by funding from the caterer's settlement (docs/reports.md).
"""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from meals.models import MealIssue
from meals.selectors.settlement import MealSettlement

# (lowest age, highest age or None, label): the bands the programme's report counts persons in.
AGE_BANDS = ((0, 6, "0–6"), (7, 18, "7–18"), (19, 64, "19–64"), (65, None, "65+"))
UNKNOWN = "unknown"
SEXES = ("female", "male", UNKNOWN)


@dataclass(frozen=True)
class ProgrammeFigures:
    persons: dict[tuple[str, str], int]  # (sex, age band label or "unknown") -> distinct persons
    takeaway_meals: int  # of the meals issued, those taken away (or delivered)
    paper_meals: int  # of the meals issued, those entered afterwards from signed paper lists
    meals: int
    cost_by_funding: dict[str, Decimal | None]  # funding -> amount (None: a day without a price)
    cost: Decimal | None


def programme_figures(*, year: int, month: int, settlement: MealSettlement) -> ProgrammeFigures:
    """One query for the persons and takeaways; the cost comes from ``settlement`` (the same month)."""
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    issues = MealIssue.objects.filter(date__range=(last.replace(day=1), last), voided_at__isnull=True).order_by()
    rows = list(
        issues.values_list("resident_id", "resident__pesel", "resident__birth_date").annotate(
            meals=Count("id"), takeaway=Count("id", filter=Q(takeaway=True))
        )
    )
    persons = Counter((sex_of(pesel), age_band(birth_date, on=last)) for _id, pesel, birth_date, _m, _t in rows)
    return ProgrammeFigures(
        persons={(sex, band): persons[(sex, band)] for sex in SEXES for band in band_labels()},
        takeaway_meals=sum(row[4] for row in rows),
        meals=sum(row[3] for row in rows),
        paper_meals=sum(paper for _day, paper in settlement.paper_days),
        cost_by_funding={total.funding: total.amount for total in settlement.totals},
        cost=settlement.total.amount,
    )


def band_labels() -> list[str]:
    return [label for _low, _high, label in AGE_BANDS] + [UNKNOWN]


def sex_of(pesel: str | None) -> str:
    """The PESEL's tenth digit: odd for men, even for women (docs/domain.md#identity-and-pesel)."""
    if not pesel or len(pesel) != 11 or not pesel.isdigit():
        return UNKNOWN
    return "male" if int(pesel[9]) % 2 else "female"


def age_band(birth_date: datetime.date | None, *, on: datetime.date) -> str:
    if birth_date is None:
        return UNKNOWN
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    for low, high, label in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return UNKNOWN
