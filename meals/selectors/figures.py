"""The monthly meal figures the programme's settlement needs (a fixed number of queries)."""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from beneficiaries.calendar import opening_days_between
from config.text import person_sort_key
from meals.models import MealIssue


@dataclass(frozen=True)
class MonthlyMealFigures:
    year: int
    month: int
    per_day: list[tuple[datetime.date, int]]  # each opening day of the month (and any day with issues) -> meals
    per_resident: list[tuple[int, str, str, str, int]]  # (resident_id, last_name, first_name, district, meals)
    distinct_persons: int
    by_district: dict[str, int]  # District code -> meals
    total: int
    # Residents in a homelessness crisis, counted apart (they are served whatever their district).
    homeless_persons: int = 0
    homeless_meals: int = 0


def monthly_meal_figures(*, year: int, month: int) -> MonthlyMealFigures:
    """Non-voided meals of one month, as the programme's settlement needs them (three queries).

    ``district`` is the resident's district code as recorded now.
    """
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    issues = MealIssue.objects.filter(date__range=(first, last), voided_at__isnull=True).order_by()
    per_day = dict.fromkeys(opening_days_between(first, last), 0)
    per_day.update(issues.values_list("date").annotate(meals=Count("id")))
    per_resident, homeless = _meals_per_resident(issues)
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
        homeless_persons=len(homeless),
        homeless_meals=sum(row[-1] for row in homeless),
    )


def _meals_per_resident(issues: QuerySet[MealIssue]) -> tuple[list[tuple], list[tuple]]:
    """Every resident's meals, sorted by name; and the rows of those in a homelessness crisis."""
    rows = list(
        issues.values_list(
            "resident_id", "resident__last_name", "resident__first_name", "resident__district", "resident__homeless"
        ).annotate(meals=Count("id"))
    )
    rows.sort(key=lambda row: (person_sort_key(row[1], row[2]), row[0]))
    per_resident = [(*row[:4], row[5]) for row in rows]
    homeless = [short for short, row in zip(per_resident, rows, strict=True) if row[4]]  # row[4]: homeless
    return per_resident, homeless
