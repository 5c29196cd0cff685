"""What beat's jobs create: one roster per opening day, lists for tomorrow's sessions, last month's report."""

import datetime

import pytest
import time_machine

from beneficiaries.models import ClosureDay
from tasks.models import Document, DocumentKind
from tasks.tasks import attendance_lists_for_tomorrow, meal_roster_daily, monthly_meals_previous_month
from tests.support import WARSAW
from tests.tasks.helpers import workshop_session

pytestmark = pytest.mark.django_db


def at(year, month, day, hour) -> time_machine.travel:
    return time_machine.travel(datetime.datetime(year, month, day, hour, 0, tzinfo=WARSAW), tick=False)


def test_the_roster_is_created_at_six_on_an_opening_day_once_however_often_beat_fires():
    with at(2026, 3, 4, 6):
        first = meal_roster_daily.apply().get()
        second = meal_roster_daily.apply().get()
    assert first is not None and second is None
    document = Document.objects.get()
    assert (document.kind, document.subject, document.requested_by) == ("meal_roster", "2026-03-04", None)


@pytest.mark.parametrize(
    "day", [datetime.date(2026, 3, 7), datetime.date(2026, 3, 8), datetime.date(2026, 1, 6), datetime.date(2026, 5, 1)]
)
def test_nothing_is_created_on_weekends_and_public_holidays(day):
    with at(day.year, day.month, day.day, 6):
        assert meal_roster_daily.apply().get() is None
    assert not Document.objects.exists()


def test_nothing_is_created_on_a_closure_day_the_coordinator_entered():
    ClosureDay.objects.create(date=datetime.date(2026, 3, 4), reason="Remont kuchni")
    with at(2026, 3, 4, 6):
        assert meal_roster_daily.apply().get() is None
    assert not Document.objects.exists()


def test_each_session_of_tomorrow_gets_its_attendance_list_the_evening_before():
    tomorrow = workshop_session(starts_at=datetime.datetime(2026, 3, 5, 10, 0, tzinfo=WARSAW))
    late = workshop_session(starts_at=datetime.datetime(2026, 3, 5, 23, 30, tzinfo=WARSAW))
    workshop_session(starts_at=datetime.datetime(2026, 3, 6, 0, 30, tzinfo=WARSAW))  # the day after
    workshop_session(starts_at=datetime.datetime(2026, 3, 5, 12, 0, tzinfo=WARSAW), status="cancelled")
    with at(2026, 3, 4, 18):
        created = attendance_lists_for_tomorrow.apply().get()
        assert attendance_lists_for_tomorrow.apply().get() == []
    subjects = set(Document.objects.filter(pk__in=created).values_list("subject", flat=True))
    assert subjects == {str(tomorrow.pk), str(late.pk)}
    assert Document.objects.count() == 2


def test_the_previous_months_report_is_created_on_the_first():
    with at(2026, 1, 1, 7):
        assert monthly_meals_previous_month.apply().get() is not None
        assert monthly_meals_previous_month.apply().get() is None
    document = Document.objects.get()
    assert (document.kind, document.subject, document.subject_date) == (
        DocumentKind.MONTHLY_MEALS,
        "2025-12",
        datetime.date(2025, 12, 1),
    )
