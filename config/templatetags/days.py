"""Dates on the pages as on paper (config.dates): ``{{ day|day }}`` -> 2.12.2026.

``{% load days %}``; a datetime is first put on the Warsaw clock, ``None`` gives "".
"""

import datetime

from django import template
from django.utils import timezone

from config import dates

register = template.Library()


def _local_day(value) -> datetime.date:
    return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


@register.filter
def day(value) -> str:
    """2.12.2026"""
    return dates.day_text(_local_day(value)) if value else ""


@register.filter
def day_weekday(value) -> str:
    """2.12.2026 (środa)"""
    return dates.day_with_weekday(_local_day(value)) if value else ""


@register.filter
def weekday(value) -> str:
    """środa"""
    return dates.weekday_text(_local_day(value)) if value else ""


@register.filter
def moment(value) -> str:
    """2.12.2026 14:05"""
    return dates.moment_text(value) if value else ""


@register.filter
def month(value) -> str:
    """grudzień 2026"""
    return dates.month_text(value.year, value.month) if value else ""
