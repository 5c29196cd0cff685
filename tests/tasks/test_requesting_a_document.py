"""POST /api/v1/documents/ records a pending document and queues it after the commit."""

import pytest
from django.urls import reverse

from config.models import AuditEvent
from tasks.models import Document, DocumentStatus
from tests.support import DAY
from tests.tasks.helpers import DOCUMENTS_URL, workshop_session

pytestmark = pytest.mark.django_db


def test_a_meal_roster_request_is_accepted_as_pending(coordinator_client, coordinator, frozen_clock):
    response = coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": DAY.isoformat()}, format="json")
    assert response.status_code == 202
    body = response.json()
    assert body["kind"] == "meal_roster"
    assert body["status"] == "pending"
    assert body["file_url"] is None and body["error"] is None
    assert body["params"] == {"date": "2026-03-04"}
    document = Document.objects.get(pk=body["id"])
    assert (document.status, document.requested_by, document.subject_date) == (DocumentStatus.PENDING, coordinator, DAY)


def test_the_task_is_queued_only_once_the_row_is_committed(
    coordinator_client, django_capture_on_commit_callbacks, frozen_clock
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = coordinator_client.post(DOCUMENTS_URL, {"kind": "monthly_meals", "month": "2026-02"}, format="json")
    assert response.status_code == 202
    assert len(callbacks) == 1


def test_a_workshop_attendance_request_names_the_session_day(workshop_client):
    session = workshop_session()
    response = workshop_client.post(
        DOCUMENTS_URL, {"kind": "workshop_attendance", "session": session.pk}, format="json"
    )
    assert response.status_code == 202
    assert response.json()["params"] == {"session": session.pk}
    assert Document.objects.get().subject_date.isoformat() == "2026-03-05"


def test_each_request_is_recorded_in_the_audit_trail(coordinator_client, coordinator, frozen_clock):
    body = coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": "2026-03-04"}, format="json").json()
    event = AuditEvent.objects.get(action="document.request")
    assert (event.actor, event.object_id) == (coordinator, str(body["id"]))
    assert event.after == {"kind": "meal_roster", "subject": "2026-03-04"}


def test_the_detail_shows_the_state_and_links_the_file_once_ready(coordinator_client, frozen_clock):
    body = coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": "2026-03-04"}, format="json").json()
    detail = coordinator_client.get(f"{DOCUMENTS_URL}{body['id']}/").json()
    assert set(detail) >= {"id", "kind", "status", "error", "file_url", "created_at", "finished_at"}
    assert detail["status"] == "pending" and detail["finished_at"] is None
    Document.objects.filter(pk=body["id"]).update(status=DocumentStatus.READY, file="documents/x.pdf")
    detail = coordinator_client.get(f"{DOCUMENTS_URL}{body['id']}/").json()
    assert detail["file_url"].endswith(reverse("api-document-file", args=[body["id"]]))
    assert detail["created_at"].endswith("+01:00")  # ISO 8601 with the Warsaw offset


def test_the_list_filters_by_kind_and_date_and_is_paginated(coordinator_client, frozen_clock):
    for day in ("2026-03-04", "2026-03-05"):
        coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": day}, format="json")
    coordinator_client.post(DOCUMENTS_URL, {"kind": "monthly_meals", "month": "2026-03"}, format="json")
    body = coordinator_client.get(DOCUMENTS_URL, {"kind": "meal_roster", "date": "2026-03-04"}).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 1 and body["results"][0]["params"] == {"date": "2026-03-04"}
    assert coordinator_client.get(DOCUMENTS_URL, {"date": "2026-03-04"}).json()["count"] == 2  # and March's report
    assert coordinator_client.get(DOCUMENTS_URL).json()["count"] == 3


def test_listing_takes_a_fixed_number_of_queries(
    coordinator_client, coordinator, django_assert_num_queries, frozen_clock
):
    for day in ("2026-03-04", "2026-03-05", "2026-03-06"):
        coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": day}, format="json")
    coordinator_client.get(DOCUMENTS_URL)  # the role is then cached on the force-authenticated user
    with django_assert_num_queries(2):  # count, page (requesters joined)
        assert coordinator_client.get(DOCUMENTS_URL).status_code == 200
