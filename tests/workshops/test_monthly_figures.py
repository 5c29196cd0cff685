import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SessionStatus, SignupStatus
from workshops.selectors import monthly_workshop_figures


@pytest.fixture
def december(frozen_clock):
    """Two cooking sessions, one budgeting, one cancelled nutrition; three people, one no-show."""
    anna, jan, ola = (
        eligible_resident(Program.FEAD, day=SESSION_DAY),
        eligible_resident(Program.FEAD, day=SESSION_DAY),
        eligible_resident(Program.FEAD, day=SESSION_DAY),
    )
    cooking = WorkshopSessionFactory(topic="cooking", starts_at=warsaw(2026, 12, 3, 10))
    again = WorkshopSessionFactory(topic="cooking", starts_at=warsaw(2026, 12, 10, 10))
    budget = WorkshopSessionFactory(topic="budgeting", starts_at=warsaw(2026, 12, 31, 23, 30))
    cancelled = WorkshopSessionFactory(topic="nutrition", starts_at=warsaw(2026, 12, 5), status=SessionStatus.CANCELLED)
    add_signup(cooking, anna, attended=True)
    add_signup(cooking, jan, attended=False)
    add_signup(again, anna, attended=True)
    add_signup(budget, ola, attended=True)
    add_signup(budget, jan, attended=True)
    add_signup(budget, eligible_resident(Program.FEAD, day=SESSION_DAY), status=SignupStatus.WAITLISTED, position=1)
    add_signup(cancelled, eligible_resident(Program.FEAD, day=SESSION_DAY), status=SignupStatus.CANCELLED)
    # Outside the month (1 January 2027, 00:30 Warsaw is still 2026 in UTC).
    january = WorkshopSessionFactory(topic="food_waste", starts_at=warsaw(2027, 1, 1, 0, 30))
    add_signup(january, anna, attended=True)
    # Figures are read once the sessions have been held.
    frozen_clock.move_to(warsaw(2027, 1, 2, 9))


@pytest.mark.django_db
def test_the_month_counts_held_sessions_and_distinct_participants_per_theme(december):
    figures = monthly_workshop_figures(year=2026, month=12)
    assert figures.year == 2026
    assert figures.month == 12
    assert figures.sessions_per_topic == {"cooking": 2, "nutrition": 0, "budgeting": 1, "food_waste": 0}
    assert figures.participants_per_topic == {"cooking": 1, "nutrition": 0, "budgeting": 2, "food_waste": 0}
    assert figures.distinct_participants == 3
    assert figures.attendances == 4
    assert figures.no_shows == 1


@pytest.mark.django_db
def test_the_figures_take_three_queries(december, django_assert_num_queries):
    with django_assert_num_queries(3):
        monthly_workshop_figures(year=2026, month=12)


@pytest.mark.django_db
def test_the_api_serves_the_figures_for_a_month(workshop_client, december):
    response = workshop_client.get("/api/v1/workshops/figures/", {"month": "2027-01"})
    assert response.status_code == 200
    assert response.json() == {
        "year": 2027,
        "month": 1,
        "sessions_per_topic": {"cooking": 0, "nutrition": 0, "budgeting": 0, "food_waste": 1},
        "participants_per_topic": {"cooking": 0, "nutrition": 0, "budgeting": 0, "food_waste": 1},
        "distinct_participants": 1,
        "attendances": 1,
        "no_shows": 0,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["2026-13", "2026-00", "26-12", "2026-1", "december", "", "2026-12-01", "0000-01"])
def test_a_bad_month_is_a_400(coordinator_client, month):
    response = coordinator_client.get("/api/v1/workshops/figures/", {"month": month})
    assert response.status_code == 400
    assert "month" in response.json()


@pytest.mark.django_db
def test_the_month_is_required(coordinator_client):
    assert coordinator_client.get("/api/v1/workshops/figures/").status_code == 400


@pytest.mark.django_db
def test_a_session_not_yet_ended_is_not_counted_as_held(frozen_clock):
    attended = eligible_resident(Program.FEAD, day=SESSION_DAY)
    running = WorkshopSessionFactory(topic="cooking", starts_at=warsaw(2026, 12, 3, 10))
    tomorrow = WorkshopSessionFactory(topic="budgeting", starts_at=warsaw(2026, 12, 4, 10))
    add_signup(running, attended, attended=True)
    add_signup(tomorrow, eligible_resident(Program.FEAD, day=SESSION_DAY))
    frozen_clock.move_to(running.starts_at + (running.ends_at - running.starts_at) / 2)

    figures = monthly_workshop_figures(year=2026, month=12)

    assert figures.sessions_per_topic == {"cooking": 0, "nutrition": 0, "budgeting": 0, "food_waste": 0}
    assert (figures.attendances, figures.distinct_participants) == (0, 0)
    frozen_clock.move_to(running.ends_at)
    assert monthly_workshop_figures(year=2026, month=12).sessions_per_topic["cooking"] == 1
