"""Calendar helpers every app shares: Warsaw days and months as intervals, their text, their parser."""

import datetime
import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dates import MONTHS, WEEKDAYS


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The Warsaw calendar day as an aware [start, end) interval (23 or 25 hours at DST changes)."""
    tz = timezone.get_default_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return start, end


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The Warsaw calendar month as an aware [start, end) interval."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return day_bounds(first)[0], day_bounds(following)[0]


def previous_month(day: datetime.date) -> tuple[int, int]:
    """(year, month) of the month before ``day``'s."""
    last_of_previous = day.replace(day=1) - datetime.timedelta(days=1)
    return last_of_previous.year, last_of_previous.month


# --- Dates and months as people read them: one format on screen and paper (docs/polish.md) ------
#
# "2.12.2026": day without a leading zero, month with one, full year; the weekday, where it is
# shown, after it in parentheses and in lower case ("2.12.2026 (środa)"); times 24-hour, Warsaw.
# Printed forms are Polish whatever the interface language: they call these under
# ``translation.override("pl")``.


def day_text(day: datetime.date) -> str:
    """'2.12.2026'."""
    return f"{day.day}.{day.month:02d}.{day.year}"


def weekday_text(day: datetime.date) -> str:
    """'środa': the weekday in the active language, lower case as Polish writes it."""
    name = str(WEEKDAYS[day.weekday()])
    return name.lower() if _polish() else name


def day_with_weekday(day: datetime.date) -> str:
    """'2.12.2026 (środa)'."""
    return f"{day_text(day)} ({weekday_text(day)})"


def month_text(year: int, month: int) -> str:
    """'grudzień 2026'."""
    name = str(MONTHS[month])
    return f"{name.lower() if _polish() else name} {year}"


def moment_text(moment: datetime.datetime) -> str:
    """'2.12.2026 14:05': an aware moment on the Warsaw clock."""
    local = timezone.localtime(moment)
    return f"{day_text(local.date())} {local:%H:%M}"


def _polish() -> bool:
    return (translation.get_language() or settings.LANGUAGE_CODE).startswith("pl")


# --- Dates and months people type: one parser, one range (docs/polish.md) -----------------------

# The dates the service accepts anywhere (a parameter, a form, an import): older or later is a
# typing error, and keeping years to four digits keeps day and month arithmetic from overflowing.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
# The service holds no meal, session or document about an earlier day: lists of days before it
# are refused (a 404 for a day in a URL, a 400 for a document's parameter).
RECORDS_BEGIN = datetime.date(2000, 1, 1)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def check_year(day: datetime.date) -> datetime.date:
    """``day`` itself; ValueError when it is outside EARLIEST_DATE..LATEST_DATE."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"year out of range: {day.year}")
    return day


def parse_day(text: str) -> datetime.date:
    """'2026-12-02' -> that date; ValueError for anything else or a year out of range."""
    if not _DAY.fullmatch(str(text)):
        raise ValueError(f"not a date: {text!r}")
    return check_year(datetime.date.fromisoformat(str(text)))


def parse_month(text: str) -> datetime.date:
    """'2026-12' -> date(2026, 12, 1); ValueError for anything else or a year out of range."""
    match = _MONTH.fullmatch(str(text))
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(f"not a month: {text!r}")
    return check_year(datetime.date(int(match[1]), int(match[2]), 1))
