"""The ``meal_date`` URL converter: an ISO date the service may hold meals of, else the URL does not exist (404)."""

import datetime

from django.urls import register_converter

from config.dates import RECORDS_BEGIN, parse_day


def meal_day(text: str) -> datetime.date:
    """A day the service may hold meals of; ValueError otherwise (before its records, out of range)."""
    day = parse_day(text)
    if day < RECORDS_BEGIN:
        raise ValueError(f"before the records: {day}")
    return day


class MealDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        return meal_day(value)  # ValueError -> no match -> 404

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(MealDateConverter, "meal_date")
