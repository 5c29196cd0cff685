"""The caterer's price of a meal on each day: dated data, the latest ``valid_from`` not after the day."""

import datetime
from bisect import bisect_right
from decimal import Decimal

from django.db.models import QuerySet

from meals.models import MealPrice


def meal_prices() -> QuerySet[MealPrice]:
    """Every price, the newest first, with who entered it."""
    return MealPrice.objects.select_related("created_by").order_by("-valid_from")


def prices_on(days: list[datetime.date]) -> dict[datetime.date, Decimal | None]:
    """Each day's price (None before the first price was in force), in one query whatever the days."""
    if not days:
        return {}
    rows = list(
        MealPrice.objects.filter(valid_from__lte=max(days)).order_by("valid_from").values_list("valid_from", "price")
    )
    starts = [valid_from for valid_from, _price in rows]
    found = {}
    for day in days:
        index = bisect_right(starts, day)
        found[day] = rows[index - 1][1] if index else None
    return found
