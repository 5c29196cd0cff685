"""The ``meal_date`` URL converter: an ISO date in a sane range, else the URL does not exist (404)."""

import datetime

from django.urls import register_converter

# TODO(issue 13.4): one accepted year range in config.dates (tasks/serializers.py and workshops differ).
# Beyond these years there is nothing to find, and calendar arithmetic stays safe.
MIN_YEAR, MAX_YEAR = 2000, 2199


def parse_day(text: str) -> datetime.date:
    day = datetime.date.fromisoformat(text)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"year out of range: {day.year}")
    return day


class MealDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        return parse_day(value)  # ValueError -> no match -> 404

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(MealDateConverter, "meal_date")
