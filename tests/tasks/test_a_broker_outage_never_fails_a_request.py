"""With the broker down, a request still succeeds: the document stays pending and says it is not queued."""

import pytest

from tasks.models import Document, DocumentStatus
from tasks.services import document_enqueue
from tests.processes import celery_broker_at
from tests.tasks.helpers import DOCUMENTS_URL

DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def broker_down():
    """Point the Celery app at a port where no broker listens, for real (no mock)."""
    with celery_broker_at(DEAD_BROKER, socket_connect_timeout=0.5, socket_timeout=0.5):
        yield


@pytest.mark.django_db(transaction=True)
def test_the_request_is_accepted_and_the_document_waits_for_the_sweeper(broker_down, coordinator_client, frozen_clock):
    response = coordinator_client.post(DOCUMENTS_URL, {"kind": "monthly_meals", "month": "2026-02"}, format="json")
    assert response.status_code == 202
    assert response.json()["queued"] is False
    document = Document.objects.get(pk=response.json()["id"])
    assert document.status == DocumentStatus.PENDING
    assert document.attempts == 1 and document.queued_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_page_form_says_so_too(broker_down, client, coordinator, frozen_clock):
    client.force_login(coordinator)
    response = client.post("/documents/", {"kind": "monthly_meals", "month": "2026-02"}, follow=True)
    assert response.status_code == 200
    assert Document.objects.count() == 1
    assert "queue" in response.content.decode().lower() or "kolejk" in response.content.decode()


def test_handing_over_reports_false_instead_of_raising(broker_down):
    assert document_enqueue(12345) is False
