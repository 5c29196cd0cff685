"""The accompanying-measures report counts only sessions held: ended and not cancelled."""

import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.support import NOW
from tests.workshops.conftest import WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SessionStatus
from workshops.selectors import ThemeFigures, fead_report

NONE = ThemeFigures(sessions=0, attendances=0, participants=0)


@pytest.fixture
def march(db):
    """Now is 4 March 2026, 11:30. Held: a cooking session on 2 March and one on 15 January.
    Not held: a cancelled one, one under way, one next week, one from last year."""
    anna, jan, ola = (eligible_resident(Program.FEAD, day=NOW.date()) for _ in range(3))
    held = WorkshopSessionFactory(topic="cooking", title="Zupy", starts_at=warsaw(2026, 3, 2, 10))
    add_signup(held, anna, attended=True)
    add_signup(held, jan, attended=True)
    add_signup(held, ola, attended=False)
    january = WorkshopSessionFactory(topic="cooking", starts_at=warsaw(2026, 1, 15, 10))
    add_signup(january, anna, attended=True)
    budget = WorkshopSessionFactory(topic="budgeting", starts_at=warsaw(2026, 2, 10, 10))
    add_signup(budget, ola, attended=True)
    cancelled = WorkshopSessionFactory(
        topic="nutrition", starts_at=warsaw(2026, 3, 3, 10), status=SessionStatus.CANCELLED
    )
    add_signup(cancelled, anna, attended=True)
    under_way = WorkshopSessionFactory(topic="food_waste", starts_at=warsaw(2026, 3, 4, 10))
    add_signup(under_way, jan, attended=True)
    future = WorkshopSessionFactory(topic="food_waste", starts_at=warsaw(2026, 3, 11, 10))
    add_signup(future, jan)
    last_year = WorkshopSessionFactory(topic="cooking", starts_at=warsaw(2025, 12, 31, 20))
    add_signup(last_year, ola, attended=True)


@pytest.mark.django_db
def test_only_the_session_held_counts_in_the_month(march):
    report = fead_report(year=2026, month=3, now=NOW)
    assert report.month_by_topic == {
        "cooking": ThemeFigures(sessions=1, attendances=2, participants=2),
        "nutrition": NONE,
        "budgeting": NONE,
        "food_waste": NONE,
    }
    assert [session.title for session in report.sessions] == ["Zupy"]
    assert report.sessions[0].attendances == 2


@pytest.mark.django_db
def test_the_year_so_far_starts_on_1_january(march):
    report = fead_report(year=2026, month=3, now=NOW)
    assert report.year_by_topic["cooking"] == ThemeFigures(sessions=2, attendances=3, participants=2)
    assert report.year_by_topic["budgeting"] == ThemeFigures(sessions=1, attendances=1, participants=1)
    assert report.year_total == ThemeFigures(sessions=3, attendances=4, participants=3)
    assert report.month_total == ThemeFigures(sessions=1, attendances=2, participants=2)


@pytest.mark.django_db
def test_the_report_takes_two_queries(march, django_assert_num_queries):
    with django_assert_num_queries(2):
        fead_report(year=2026, month=3, now=NOW)
