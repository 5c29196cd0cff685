"""A session is never created by accident with a start already past: on the page, a past start is
the explicit "held on paper" path, where a coordinator then enters its sign-ups and attendance."""

import datetime

import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.support import logged_in_client, nothing_changed
from tests.workshops.conftest import NOW, WorkshopSessionFactory, sign_up
from workshops.models import WorkshopSession

pytestmark = pytest.mark.django_db

YESTERDAY = NOW - datetime.timedelta(days=1)


def session_form(starts_at, **extra):
    return {
        "title": "Gotowanie z FEAD-em",
        "topic": "cooking",
        "starts_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts_at + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 10,
        **extra,
    }


def test_a_past_start_on_the_page_is_refused_without_the_paper_box(coordinator, frozen_clock):
    page = logged_in_client(coordinator)
    with nothing_changed():
        response = page.post("/workshops/new/", session_form(YESTERDAY))
    assert response.status_code == 200
    assert "zaznacz pole" in response.context["form"].errors["starts_at"][0]


def test_with_the_box_a_coordinator_records_a_session_held_on_paper(coordinator, frozen_clock):
    page = logged_in_client(coordinator)
    response = page.post("/workshops/new/", session_form(YESTERDAY, held_on_paper="on"))
    session = WorkshopSession.objects.get()
    assert response.status_code == 302
    assert session.entered_after_the_fact()
    assert "Wpisane z listy papierowej" in page.get(f"/workshops/{session.pk}/").content.decode()


def test_a_leader_is_not_offered_the_paper_path(leader, frozen_clock):
    page = logged_in_client(leader)
    assert "held_on_paper" not in page.get("/workshops/new/").content.decode()
    with nothing_changed():
        response = page.post("/workshops/new/", session_form(YESTERDAY, held_on_paper="on"))
    assert "koordynator" in response.context["form"].errors["starts_at"][0]


def test_a_future_start_needs_no_box(leader, frozen_clock):
    response = logged_in_client(leader).post("/workshops/new/", session_form(NOW + datetime.timedelta(days=2)))
    assert response.status_code == 302
    assert not WorkshopSession.objects.get().entered_after_the_fact()


def test_the_coordinator_enters_sign_ups_and_attendance_of_the_paper_session(coordinator_client, frozen_clock):
    held = WorkshopSessionFactory(starts_at=YESTERDAY, capacity=1)  # created now: after its start
    came, waited = (eligible_resident(Program.FEAD, day=YESTERDAY.date()) for _ in range(2))

    signup = sign_up(coordinator_client, held, came.pk)
    assert signup.status_code == 201
    assert sign_up(coordinator_client, held, waited.pk).json()["status"] == "waitlisted"
    marked = coordinator_client.post(
        f"/api/v1/workshops/signups/{signup.json()['id']}/attendance/", {"attended": True}, format="json"
    )
    assert marked.json()["attended"] is True


def test_a_leader_cannot_add_sign_ups_to_a_session_already_held(workshop_client, frozen_clock):
    held = WorkshopSessionFactory(starts_at=YESTERDAY)
    resident = eligible_resident(Program.FEAD, day=YESTERDAY.date())
    with nothing_changed():
        response = sign_up(workshop_client, held, resident.pk)
    assert (response.status_code, response.json()["code"]) == (422, "session_closed")


def test_a_session_created_before_its_start_stays_closed_for_coordinators_after_it(coordinator_client, frozen_clock):
    session = WorkshopSessionFactory(starts_at=NOW + datetime.timedelta(hours=1))
    frozen_clock.move_to(session.starts_at + datetime.timedelta(minutes=1))
    resident = eligible_resident(Program.FEAD, day=session.starts_at.date())
    with nothing_changed():
        response = sign_up(coordinator_client, session, resident.pk)
    assert (response.status_code, response.json()["code"]) == (422, "session_closed")
