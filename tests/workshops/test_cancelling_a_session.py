import pytest

from config.models import AuditEvent
from tests.support import nothing_changed
from tests.workshops.conftest import add_signup, fill
from workshops.models import SessionStatus, Signup, SignupStatus


@pytest.mark.django_db
def test_cancelling_a_session_cancels_every_sign_up_visibly(workshop_client, session):
    ids = fill(workshop_client, session, 4)
    response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    assert response.status_code == 200
    assert response.json()["session"]["status"] == "cancelled"
    assert response.json()["session"]["cancelled_at"] is not None
    assert response.json()["session"]["confirmed_count"] == 0
    assert sorted(response.json()["cancelled_signups"]) == sorted(ids)
    listed = workshop_client.get(f"/api/v1/workshops/sessions/{session.pk}/signups/").json()["results"]
    assert {(row["id"], row["status"], row["waitlist_position"]) for row in listed} == {
        (pk, "cancelled", None) for pk in ids
    }
    assert all(row["cancelled_at"] for row in listed)
    assert workshop_client.get(f"/api/v1/workshops/sessions/{session.pk}/").json()["status"] == "cancelled"


@pytest.mark.django_db
def test_cancelling_twice_is_refused(workshop_client, session):
    workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    with nothing_changed():
        response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    assert response.status_code == 422
    assert response.json()["code"] == "session_cancelled"


@pytest.mark.django_db
def test_a_session_with_recorded_attendance_cannot_be_cancelled(workshop_client, session):
    add_signup(session, attended=True)
    with nothing_changed():
        response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    assert response.status_code == 422
    assert response.json()["code"] == "attendance_recorded"
    session.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED


@pytest.mark.django_db
def test_the_session_and_each_sign_up_cancellation_are_audited(workshop_client, leader, session):
    ids = fill(workshop_client, session, 3)
    workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    assert AuditEvent.objects.filter(action="workshop_session.cancel", object_id=str(session.pk)).count() == 1
    events = AuditEvent.objects.filter(action="signup.cancel", object_id__in=[str(pk) for pk in ids])
    assert events.count() == 3
    assert all(e.after["reason"] == "session_cancelled" and e.actor == leader for e in events)


@pytest.mark.django_db
def test_a_cancelled_session_is_left_out_of_the_counts_but_still_listed(workshop_client, session):
    fill(workshop_client, session, 3)
    workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    listed = workshop_client.get("/api/v1/workshops/sessions/").json()["results"]
    assert [(s["id"], s["status"], s["confirmed_count"], s["waitlist_count"]) for s in listed] == [
        (session.pk, "cancelled", 0, 0)
    ]
    assert not Signup.objects.exclude(status=SignupStatus.CANCELLED).exists()
