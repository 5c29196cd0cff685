import pytest

from config.models import AuditEvent
from tests.support import nothing_changed
from tests.workshops.conftest import fill
from workshops.models import Signup, SignupStatus


def patch(client, session, **data):
    return client.patch(f"/api/v1/workshops/sessions/{session.pk}/", data, format="json")


@pytest.mark.django_db
def test_raising_the_capacity_promotes_as_many_as_fit_in_order(workshop_client, session):
    ids = fill(workshop_client, session, 6)  # capacity 2: four waiting
    response = patch(workshop_client, session, capacity=4)
    assert response.status_code == 200
    assert response.json()["promoted"] == ids[2:4]
    assert response.json()["session"]["confirmed_count"] == 4
    assert response.json()["session"]["waitlist_count"] == 2
    waiting = Signup.objects.filter(session=session, status=SignupStatus.WAITLISTED).order_by("waitlist_position")
    assert [(s.pk, s.waitlist_position) for s in waiting] == [(ids[4], 1), (ids[5], 2)]


@pytest.mark.django_db
def test_raising_the_capacity_beyond_the_waiting_list_confirms_everyone(workshop_client, session):
    fill(workshop_client, session, 3)
    response = patch(workshop_client, session, capacity=10)
    assert response.json()["session"]["confirmed_count"] == 3
    assert response.json()["session"]["waitlist_count"] == 0


@pytest.mark.django_db
def test_lowering_the_capacity_below_the_confirmed_count_is_refused(workshop_client, session):
    fill(workshop_client, session, 2)
    with nothing_changed():
        response = patch(workshop_client, session, capacity=1)
    assert response.status_code == 422
    assert response.json()["code"] == "capacity_below_confirmed"
    assert response.json()["confirmed_count"] == 2
    assert response.json()["detail"]
    session.refresh_from_db()
    assert session.capacity == 2


@pytest.mark.django_db
def test_lowering_the_capacity_to_the_confirmed_count_is_allowed(workshop_client, session):
    session.capacity = 5
    session.save()
    fill(workshop_client, session, 3)
    response = patch(workshop_client, session, capacity=3)
    assert response.status_code == 200
    (new,) = fill(workshop_client, session, 1)
    assert Signup.objects.get(pk=new).status == SignupStatus.WAITLISTED


@pytest.mark.django_db
@pytest.mark.parametrize("capacity", [0, 501, -3, "ten", None, 10**40])
def test_an_impossible_capacity_is_a_400(workshop_client, session, capacity):
    with nothing_changed():
        response = patch(workshop_client, session, capacity=capacity)
    assert response.status_code == 400
    assert "capacity" in response.json()


@pytest.mark.django_db
def test_title_and_place_may_be_edited(workshop_client, session):
    response = patch(workshop_client, session, title="Zupy z resztek", location="Sala 2")
    assert response.status_code == 200
    assert response.json()["session"]["title"] == "Zupy z resztek"
    assert response.json()["session"]["location"] == "Sala 2"


@pytest.mark.django_db
def test_the_end_must_stay_after_the_start(workshop_client, session):
    with nothing_changed():
        response = patch(workshop_client, session, ends_at="2026-12-03T09:00:00+01:00")
    assert response.status_code == 400
    assert "ends_at" in response.json()


@pytest.mark.django_db
def test_a_session_with_sign_ups_cannot_move_to_another_day(workshop_client, session):
    fill(workshop_client, session, 1)
    with nothing_changed():
        response = patch(
            workshop_client, session, starts_at="2026-12-10T10:00:00+01:00", ends_at="2026-12-10T12:00:00+01:00"
        )
    assert response.status_code == 422
    assert response.json()["code"] == "date_change_with_signups"
    assert patch(workshop_client, session, starts_at="2026-12-03T11:00:00+01:00").status_code == 200


@pytest.mark.django_db
def test_a_cancelled_session_cannot_be_edited(workshop_client, session):
    workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    with nothing_changed():
        response = patch(workshop_client, session, capacity=5)
    assert response.status_code == 422
    assert response.json()["code"] == "session_cancelled"


@pytest.mark.django_db
def test_a_capacity_change_is_audited(workshop_client, leader, session):
    patch(workshop_client, session, capacity=7)
    event = AuditEvent.objects.get(action="workshop_session.update", object_id=str(session.pk))
    assert (event.before["capacity"], event.after["capacity"]) == (2, 7)
    assert event.actor == leader
