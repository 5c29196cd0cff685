"""Asking for a list whose data changed makes a new one; the same data hands back the last one."""

import pytest

from tasks.models import Document
from tasks.services import document_produce
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY, logged_in_client
from tests.tasks.helpers import DOCUMENTS_URL, pdf_text, sign_up, workshop_session
from workshops.models import Signup, SignupStatus
from workshops.services import signup_cancel

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def generate(client, body) -> Document:
    """What "Generuj" does: the request, then the worker's run (no broker in these tests)."""
    response = client.post(DOCUMENTS_URL, body, format="json")
    assert response.status_code == 202, response.content
    document_produce(document_id=response.json()["id"])
    return Document.objects.get(pk=response.json()["id"])


def test_after_a_cancellation_the_attendance_list_is_made_again_with_the_promoted_person(coordinator_client):
    session = workshop_session(capacity=1)
    leaving = sign_up(session, last_name="Odchodząca", first_name="Ewa")
    waiting = sign_up(session, last_name="Czekający", first_name="Jan")
    Signup.objects.filter(pk=waiting.pk).update(status=SignupStatus.WAITLISTED, waitlist_position=1)
    body = {"kind": "workshop_attendance", "session": session.pk}
    first = generate(coordinator_client, body)
    signup_cancel(signup_id=leaving.pk, by=None)

    second = generate(coordinator_client, body)

    assert second.pk != first.pk
    text = pdf_text(second.file.read())
    assert "Czekający Jan" in text
    assert "Odchodząca" not in text


def test_a_meal_list_asked_for_again_after_a_meal_was_served_is_a_new_one(coordinator_client):
    served = eligible_resident(last_name="Nowak", first_name="Anna")
    first = generate(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})
    MealIssueFactory(resident=served)
    second = generate(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})
    assert second.pk != first.pk
    assert "✓ wydano" in pdf_text(second.file.read())


def test_the_same_data_hands_back_the_last_document(coordinator_client):
    eligible_resident()
    first = generate(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})
    response = coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": DAY.isoformat()}, format="json")
    assert response.status_code == 202
    assert (response.json()["id"], response.json()["status"]) == (first.pk, "ready")
    assert Document.objects.count() == 1


def test_a_failed_document_is_never_handed_back(coordinator_client):
    session = workshop_session()
    body = {"kind": "workshop_attendance", "session": session.pk}
    first = generate(coordinator_client, body)
    Document.objects.filter(pk=first.pk).update(status="failed")
    assert generate(coordinator_client, body).pk != first.pk


def test_the_same_data_asked_in_english_is_the_same_list(coordinator, coordinator_client):
    session = workshop_session()
    body = {"kind": "workshop_attendance", "session": session.pk}
    first = generate(coordinator_client, body)
    english = logged_in_client(coordinator, HTTP_ACCEPT_LANGUAGE="en")
    assert english.post(DOCUMENTS_URL, body, content_type="application/json").json()["id"] == first.pk


def test_the_printouts_page_marks_a_list_made_from_older_data_as_outdated(coordinator, coordinator_client):
    resident = eligible_resident()
    old = generate(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})
    MealIssueFactory(resident=resident)
    new = generate(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})

    page = logged_in_client(coordinator).get("/documents/").content.decode()

    old_row = page[page.index(f'data-id="{old.pk}"') :]
    new_row = page[page.index(f'data-id="{new.pk}"') : page.index(f'data-id="{old.pk}"')]
    assert 'data-role="outdated"' in old_row.split("</tr>")[0]
    assert 'data-role="outdated"' not in new_row
