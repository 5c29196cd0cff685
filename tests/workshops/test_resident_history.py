import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SignupStatus


@pytest.mark.django_db
def test_a_residents_history_shows_every_sign_up_with_no_shows(workshop_client, frozen_clock):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    older = WorkshopSessionFactory(starts_at=warsaw(2026, 11, 5, 10), title="Budżet")
    newer = WorkshopSessionFactory(starts_at=warsaw(2026, 11, 19, 10), title="Zupy")
    upcoming = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 10))
    add_signup(older, resident, attended=False)
    add_signup(newer, resident, attended=True)
    add_signup(upcoming, resident, status=SignupStatus.WAITLISTED, position=1)

    response = workshop_client.get(f"/api/v1/workshops/residents/{resident.pk}/signups/")

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["session"]["id"], r["status"], r["attended"]) for r in rows] == [
        (upcoming.pk, "waitlisted", None),
        (newer.pk, "confirmed", True),
        (older.pk, "confirmed", False),
    ]
    assert rows[1]["session"]["title"] == "Zupy"


@pytest.mark.django_db
def test_the_history_of_an_unknown_resident_is_a_404(workshop_client, frozen_clock):
    assert workshop_client.get("/api/v1/workshops/residents/99999/signups/").status_code == 404


@pytest.mark.django_db
def test_the_history_takes_a_fixed_number_of_queries(workshop_client, frozen_clock, django_assert_num_queries):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    for day in range(1, 9):
        add_signup(WorkshopSessionFactory(starts_at=warsaw(2026, 11, day, 10)), resident, attended=day % 2 == 0)
    workshop_client.get(f"/api/v1/workshops/residents/{resident.pk}/signups/")
    # The resident's existence, the count, the page with sessions and leaders.
    with django_assert_num_queries(3):
        workshop_client.get(f"/api/v1/workshops/residents/{resident.pk}/signups/")
