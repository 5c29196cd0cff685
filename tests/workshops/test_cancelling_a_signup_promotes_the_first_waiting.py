import pytest

from config.models import AuditEvent
from tests.support import nothing_changed
from tests.workshops.conftest import fill
from workshops.models import Signup, SignupStatus


def cancel(client, signup_id):
    return client.post(f"/api/v1/workshops/signups/{signup_id}/cancel/")


def places(session):
    rows = Signup.objects.filter(session=session).order_by("id")
    return {s.pk: (s.status, s.waitlist_position) for s in rows}


@pytest.mark.django_db
def test_cancelling_a_confirmed_place_promotes_the_first_waiting_at_once(workshop_client, session):
    a, b, c, d, e = fill(workshop_client, session, 5)
    response = cancel(workshop_client, a)
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["promoted"] == c
    assert places(session) == {
        a: ("cancelled", None),
        b: ("confirmed", None),
        c: ("confirmed", None),
        d: ("waitlisted", 1),
        e: ("waitlisted", 2),
    }


@pytest.mark.django_db
def test_cancelling_with_nobody_waiting_promotes_nobody(workshop_client, session):
    a, _ = fill(workshop_client, session, 2)
    assert cancel(workshop_client, a).json()["promoted"] is None


@pytest.mark.django_db
def test_cancelling_a_waiting_place_closes_the_gap(workshop_client, session):
    a, b, c, d, e = fill(workshop_client, session, 5)
    response = cancel(workshop_client, d)
    assert response.json()["promoted"] is None
    assert places(session)[c] == ("waitlisted", 1)
    assert places(session)[e] == ("waitlisted", 2)
    assert places(session)[d] == ("cancelled", None)


@pytest.mark.django_db
def test_the_last_waiting_takes_the_next_free_position_after_a_cancellation(workshop_client, session):
    _, _, c, d = fill(workshop_client, session, 4)
    cancel(workshop_client, c)
    (late,) = fill(workshop_client, session, 1)
    assert places(session)[d] == ("waitlisted", 1)
    assert places(session)[late] == ("waitlisted", 2)


@pytest.mark.django_db
def test_cancelling_twice_is_a_409(workshop_client, session):
    (a,) = fill(workshop_client, session, 1)
    cancel(workshop_client, a)
    with nothing_changed():
        response = cancel(workshop_client, a)
    assert response.status_code == 409
    assert response.json()["code"] == "already_cancelled"
    assert response.json()["detail"]


@pytest.mark.django_db
def test_a_sign_up_cannot_be_cancelled_once_the_session_started(workshop_client, session, frozen_clock):
    (a,) = fill(workshop_client, session, 1)
    frozen_clock.move_to(session.starts_at)
    with nothing_changed():
        response = cancel(workshop_client, a)
    assert response.status_code == 422
    assert response.json()["code"] == "session_closed"
    assert Signup.objects.get(pk=a).status == SignupStatus.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize("signup_id", [987654, 10**30])
def test_an_unknown_sign_up_is_a_404(workshop_client, frozen_clock, signup_id):
    with nothing_changed():
        assert cancel(workshop_client, signup_id).status_code == 404
    assert workshop_client.get(f"/api/v1/workshops/signups/{signup_id}/").status_code == 404


@pytest.mark.django_db
def test_the_cancellation_and_the_promotion_are_audited(workshop_client, leader, session):
    a, _, c = fill(workshop_client, session, 3)
    cancel(workshop_client, a)
    assert AuditEvent.objects.get(object_id=str(a), action="signup.cancel").actor == leader
    promotion = AuditEvent.objects.get(object_id=str(c), action="signup.promote")
    assert promotion.before["status"] == "waitlisted"
    assert promotion.after["status"] == "confirmed"
