"""Calendar helpers every app shares: Warsaw (the default time zone) days and months as intervals."""

import datetime

from django.utils import timezone


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


# The dates the service accepts anywhere (a parameter, a form, an import): older or later is a
# typing error, and keeping years to four digits keeps day and month arithmetic from overflowing.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
