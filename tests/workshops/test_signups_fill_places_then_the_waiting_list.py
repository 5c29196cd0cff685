import pytest

from beneficiaries.models import Program
from config.models import AuditEvent
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, sign_up
from workshops.models import Signup


@pytest.mark.django_db
def test_places_are_confirmed_up_to_capacity_then_the_waiting_list_grows(workshop_client, session):
    residents = [eligible_resident(Program.FEAD, day=SESSION_DAY) for _ in range(5)]
    answers = [sign_up(workshop_client, session, resident.pk) for resident in residents]
    assert [a.status_code for a in answers] == [201] * 5
    assert [(a.json()["status"], a.json()["waitlist_position"]) for a in answers] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
        ("waitlisted", 3),
    ]
    assert answers[0].json()["resident"] == residents[0].pk
    assert set(answers[0].json()) >= {"id", "resident", "status", "waitlist_position"}


@pytest.mark.django_db
def test_the_list_shows_confirmed_first_then_the_waiting_list_by_position(workshop_client, session):
    ids = [
        sign_up(workshop_client, session, eligible_resident(Program.FEAD, day=SESSION_DAY).pk).json()["id"]
        for _ in range(4)
    ]
    response = workshop_client.get(f"/api/v1/workshops/sessions/{session.pk}/signups/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["id"], r["status"], r["waitlist_position"]) for r in rows] == [
        (ids[0], "confirmed", None),
        (ids[1], "confirmed", None),
        (ids[2], "waitlisted", 1),
        (ids[3], "waitlisted", 2),
    ]


@pytest.mark.django_db
def test_the_sign_up_list_takes_a_fixed_number_of_queries(workshop_client, session, django_assert_num_queries):
    for _ in range(6):
        sign_up(workshop_client, session, eligible_resident(Program.FEAD, day=SESSION_DAY).pk)
    # The session's existence, the count for pagination, the page with the residents.
    with django_assert_num_queries(3):
        response = workshop_client.get(f"/api/v1/workshops/sessions/{session.pk}/signups/")
    assert response.json()["count"] == 6


@pytest.mark.django_db
def test_every_sign_up_is_audited(workshop_client, leader, session):
    signup_id = sign_up(workshop_client, session, eligible_resident(Program.FEAD, day=SESSION_DAY).pk).json()["id"]
    event = AuditEvent.objects.get(object_type="workshops.signup", object_id=str(signup_id))
    assert event.action == "signup.create"
    assert event.actor == leader
    assert event.after["status"] == "confirmed"


@pytest.mark.django_db
def test_a_coordinator_signs_residents_up_too(coordinator_client, session):
    assert sign_up(coordinator_client, session, eligible_resident(Program.FEAD, day=SESSION_DAY).pk).status_code == 201
    assert Signup.objects.filter(session=session).count() == 1
