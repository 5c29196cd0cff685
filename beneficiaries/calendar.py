"""When the hot-meal point is open: weekdays, Polish public holidays, coordinator closure days."""

import datetime
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from beneficiaries.models import ClosureDay

# Monday to Friday (docs/domain.md); an office that opens on Saturdays changes the setting, not code.
DEFAULT_OPENING_WEEKDAYS = (1, 2, 3, 4, 5)


def opening_weekdays() -> tuple[int, ...]:
    return tuple(getattr(settings, "MEAL_POINT_WEEKDAYS", DEFAULT_OPENING_WEEKDAYS))


@lru_cache(maxsize=32)
def _polish_holidays(year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays("PL", years=year, language=language)


def _holiday_language() -> str:
    """Holiday names in the page's language; without an explicit one the package follows the OS locale."""
    return "pl" if (translation.get_language() or "pl").startswith("pl") else "en_US"


def public_holiday_name(day: datetime.date) -> str | None:
    return _polish_holidays(day.year, _holiday_language()).get(day)


# closure_reason(closure_day=...) not given: the ClosureDay table is asked.
LOOK_UP = object()


def closure_reason(day: datetime.date, *, closure_day=LOOK_UP) -> str | None:
    """Why the point is closed on ``day`` (None when it is open).

    ``closure_day`` is the reason of the day's ClosureDay row (None: no row) when the caller
    already fetched it with its own query (the check-in reads it with the resident).
    """
    if day.isoweekday() not in opening_weekdays():
        return "weekend"
    holiday = public_holiday_name(day)
    if holiday:
        return holiday
    closure = closure_day
    if closure is LOOK_UP:
        closure = ClosureDay.objects.filter(date=day).values_list("reason", flat=True).first()
    if closure is not None:
        return closure or "closure_day"
    return None


def closure_label(reason: str | None) -> str | None:
    """``closure_reason``'s codes (a weekend, an unnamed closure day) in words; names stay as they are."""
    labels = {"weekend": _("weekend"), "closure_day": _("closure day")}
    return labels.get(reason, reason)


def point_is_open(day: datetime.date) -> bool:
    return closure_reason(day) is None


def opening_days_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """Opening days in [start, end], with one query for closure days."""
    closed = set(ClosureDay.objects.filter(date__range=(start, end)).values_list("date", flat=True))
    days, day = [], start
    while day <= end:
        if day.isoweekday() in opening_weekdays() and not public_holiday_name(day) and day not in closed:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days
