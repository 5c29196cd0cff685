"""The waiting list at the door: from the start until WORKSHOP_DOOR_MINUTES after it, the leader gives
the places of participants marked absent to those waiting, in waiting-list order, marked present."""

import datetime

import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.support import nothing_changed
from tests.workshops.conftest import SESSION_DAY, add_signup, sign_up
from workshops.models import CancelReason, Signup, SignupStatus
from workshops.selectors import ResidentRecord, residents_records

pytestmark = pytest.mark.django_db


def admit(client, session):
    return client.post(f"/api/v1/workshops/sessions/{session.pk}/door/")


@pytest.fixture
def full_session(session):
    """Two places taken (one will not come), two people waiting."""
    came, absent = add_signup(session), add_signup(session)
    first, second = (add_signup(session, status=SignupStatus.WAITLISTED, position=n) for n in (1, 2))
    return session, came, absent, first, second


def mark_absent(client, signup):
    client.post(f"/api/v1/workshops/signups/{signup.pk}/attendance/", {"attended": False}, format="json")


def test_the_first_waiting_takes_the_absentees_place_and_is_present(workshop_client, full_session, frozen_clock):
    session, came, absent, first, second = full_session
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=5))
    mark_absent(workshop_client, absent)

    response = admit(workshop_client, session)

    assert response.status_code == 200
    assert response.json() == {"admitted": first.pk, "absent": absent.pk}
    first.refresh_from_db(), absent.refresh_from_db(), second.refresh_from_db()
    assert (first.status, first.attended) == (SignupStatus.CONFIRMED, True)
    assert (absent.status, absent.cancel_reason) == (SignupStatus.CANCELLED, CancelReason.ABSENT)
    assert (second.status, second.waitlist_position) == (SignupStatus.WAITLISTED, 1)
    assert Signup.objects.filter(session=session, status=SignupStatus.CONFIRMED).count() == session.capacity


def test_the_absentee_still_counts_as_a_no_show_on_later_days(workshop_client, full_session, frozen_clock):
    session, _came, absent, first, _second = full_session
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=1))
    mark_absent(workshop_client, absent)
    admit(workshop_client, session)
    frozen_clock.move_to(session.starts_at + datetime.timedelta(days=1))
    records = residents_records(resident_ids=[absent.resident_id, first.resident_id])
    assert records[absent.resident_id] == ResidentRecord(attended=0, no_shows=1)
    assert records[first.resident_id] == ResidentRecord(attended=1, no_shows=0)


@pytest.mark.parametrize("minutes", [-1, 15, 60])
def test_the_door_is_closed_before_the_start_and_after_the_configured_time(
    workshop_client, full_session, frozen_clock, minutes
):
    session, _came, absent, _first, _second = full_session
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=1))
    mark_absent(workshop_client, absent)
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=minutes))
    with nothing_changed():
        response = admit(workshop_client, session)
    assert (response.status_code, response.json()["code"]) == (422, "door_closed")


def test_the_time_at_the_door_is_a_setting(workshop_client, full_session, frozen_clock, settings):
    settings.WORKSHOP_DOOR_MINUTES = 30
    session, _came, absent, _first, _second = full_session
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=20))
    mark_absent(workshop_client, absent)
    assert admit(workshop_client, session).status_code == 200


def test_nobody_marked_absent_means_no_place_to_give(workshop_client, full_session, frozen_clock):
    session = full_session[0]
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=2))
    with nothing_changed():
        response = admit(workshop_client, session)
    assert (response.status_code, response.json()["code"]) == (409, "no_absent_place")


def test_nobody_waiting_is_said_so(workshop_client, session, frozen_clock):
    absent = add_signup(session)
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=2))
    mark_absent(workshop_client, absent)
    with nothing_changed():
        response = admit(workshop_client, session)
    assert (response.status_code, response.json()["code"]) == (409, "nobody_waiting")


def test_sign_ups_stay_closed_at_the_door(workshop_client, full_session, frozen_clock):
    session = full_session[0]
    newcomer = eligible_resident(Program.FEAD, day=SESSION_DAY)
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=2))
    with nothing_changed():
        response = sign_up(workshop_client, session, newcomer.pk)
    assert (response.status_code, response.json()["code"]) == (422, "session_closed")


def test_counter_staff_cannot_give_places(distribution_client, full_session, frozen_clock):
    session = full_session[0]
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=2))
    with nothing_changed():
        assert admit(distribution_client, session).status_code == 403
