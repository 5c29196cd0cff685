import pytest

from config.models import AuditEvent
from tests.support import nothing_changed
from tests.workshops.conftest import add_signup
from workshops.models import Signup, SignupStatus


def mark(client, signup, attended):
    return client.post(f"/api/v1/workshops/signups/{signup.pk}/attendance/", {"attended": attended}, format="json")


@pytest.mark.django_db
def test_attendance_is_refused_before_the_session_starts(workshop_client, session):
    signup = add_signup(session)
    with nothing_changed():
        response = mark(workshop_client, signup, True)
    assert response.status_code == 422
    assert response.json()["code"] == "session_not_started"
    assert response.json()["detail"]
    assert Signup.objects.get(pk=signup.pk).attended is None


@pytest.mark.django_db
def test_attendance_is_recorded_from_the_start_and_can_be_corrected(workshop_client, leader, session, frozen_clock):
    signup = add_signup(session)
    frozen_clock.move_to(session.starts_at)
    response = mark(workshop_client, signup, False)
    assert response.status_code == 200
    assert response.json()["attended"] is False
    assert mark(workshop_client, signup, True).json()["attended"] is True
    signup.refresh_from_db()
    assert signup.attended is True
    assert signup.attendance_marked_by == leader


@pytest.mark.django_db
def test_attendance_is_only_for_confirmed_sign_ups(workshop_client, session, frozen_clock):
    waiting = add_signup(session, status=SignupStatus.WAITLISTED, position=1)
    cancelled = add_signup(session, status=SignupStatus.CANCELLED)
    frozen_clock.move_to(session.starts_at)
    for signup in (waiting, cancelled):
        with nothing_changed():
            response = mark(workshop_client, signup, True)
        assert response.status_code == 422
        assert response.json()["code"] == "not_confirmed"


@pytest.mark.django_db
@pytest.mark.parametrize("value", [None, "maybe", [True], {"x": 1}, 2])
def test_attended_must_be_a_boolean(workshop_client, session, frozen_clock, value):
    signup = add_signup(session)
    frozen_clock.move_to(session.starts_at)
    with nothing_changed():
        response = mark(workshop_client, signup, value)
    assert response.status_code == 400
    assert "attended" in response.json()


@pytest.mark.django_db
def test_attended_is_required(workshop_client, session, frozen_clock):
    signup = add_signup(session)
    frozen_clock.move_to(session.starts_at)
    with nothing_changed():
        response = workshop_client.post(f"/api/v1/workshops/signups/{signup.pk}/attendance/", {}, format="json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_marking_all_present_marks_only_those_not_yet_marked(workshop_client, session, frozen_clock):
    session.capacity = 4
    session.save()
    absent = add_signup(session)
    others = [add_signup(session), add_signup(session)]
    waiting = add_signup(session, status=SignupStatus.WAITLISTED, position=1)
    frozen_clock.move_to(session.starts_at)
    mark(workshop_client, absent, False)
    response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/mark-all-present/")
    assert response.status_code == 200
    assert response.json() == {"marked": 2}
    assert Signup.objects.get(pk=absent.pk).attended is False
    assert [Signup.objects.get(pk=s.pk).attended for s in others] == [True, True]
    assert Signup.objects.get(pk=waiting.pk).attended is None


@pytest.mark.django_db
def test_marking_all_present_waits_for_the_start(workshop_client, session):
    add_signup(session)
    with nothing_changed():
        response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/mark-all-present/")
    assert response.status_code == 422
    assert response.json()["code"] == "session_not_started"


@pytest.mark.django_db
def test_every_attendance_change_is_audited(workshop_client, leader, session, frozen_clock):
    signup = add_signup(session)
    frozen_clock.move_to(session.starts_at)
    mark(workshop_client, signup, False)
    mark(workshop_client, signup, True)
    events = AuditEvent.objects.filter(action="signup.attendance", object_id=str(signup.pk)).order_by("id")
    assert [(e.before["attended"], e.after["attended"]) for e in events] == [(None, False), (False, True)]
    assert {e.actor for e in events} == {leader}


@pytest.mark.django_db
def test_an_unknown_sign_up_is_a_404(workshop_client, frozen_clock):
    with nothing_changed():
        response = workshop_client.post(
            "/api/v1/workshops/signups/424242/attendance/", {"attended": True}, format="json"
        )
    assert response.status_code == 404
