"""The sweeper re-queues documents left pending (broker down, worker killed) and fails them after N attempts."""

import datetime

import pytest
from django.utils import timezone

from tasks import services
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import documents_sweep, max_attempts
from tests.support import DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """Ids handed to the broker (the broker itself is outside this test)."""
    ids: list[int] = []
    monkeypatch.setattr(services, "document_enqueue", lambda document_id: ids.append(document_id) or True)
    return ids


def pending(*, queued_minutes_ago: int, attempts: int = 1, started_minutes_ago: int | None = None) -> Document:
    now = timezone.now()
    started = now - datetime.timedelta(minutes=started_minutes_ago) if started_minutes_ago is not None else None
    return Document.objects.create(
        kind=DocumentKind.MEAL_ROSTER,
        subject=DAY.isoformat(),
        subject_date=DAY,
        attempts=attempts,
        queued_at=now - datetime.timedelta(minutes=queued_minutes_ago),
        started_at=started,
    )


def test_a_document_waiting_too_long_is_queued_again(queued):
    document = pending(queued_minutes_ago=30)
    assert documents_sweep() == {"requeued": 1, "failed": 0}
    document.refresh_from_db()
    assert queued == [document.pk]
    assert document.attempts == 2
    assert document.status == DocumentStatus.PENDING
    assert timezone.now() - document.queued_at < datetime.timedelta(minutes=1)


def test_a_document_whose_worker_died_mid_task_is_queued_again(queued):
    document = pending(queued_minutes_ago=40, started_minutes_ago=30)
    documents_sweep()
    document.refresh_from_db()
    assert queued == [document.pk]
    assert document.started_at is None  # the next sweep measures from the new attempt


def test_fresh_and_running_documents_are_left_alone(queued):
    pending(queued_minutes_ago=2)
    pending(queued_minutes_ago=30, started_minutes_ago=1)  # a long queue, now being rendered
    assert documents_sweep() == {"requeued": 0, "failed": 0}
    assert queued == []


def test_after_the_last_attempt_the_document_fails_with_a_readable_error(queued, coordinator_client):
    document = pending(queued_minutes_ago=30, attempts=max_attempts())
    assert documents_sweep() == {"requeued": 0, "failed": 1}
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert document.finished_at is not None
    detail = coordinator_client.get(f"/api/v1/documents/{document.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert detail["status"] == "failed"
    assert detail["error"].startswith("The document could not be prepared after several attempts")
    assert queued == []


def test_finished_documents_are_never_touched(queued):
    ready = pending(queued_minutes_ago=60)
    Document.objects.filter(pk=ready.pk).update(status=DocumentStatus.READY)
    assert documents_sweep() == {"requeued": 0, "failed": 0}


def test_a_document_is_retried_then_failed_sweep_after_sweep(queued):
    document = pending(queued_minutes_ago=30)
    later = timezone.now()
    for _ in range(max_attempts() + 2):
        later += datetime.timedelta(minutes=15)
        documents_sweep(now=later)
    document.refresh_from_db()
    assert len(queued) == max_attempts() - 1
    assert document.status == DocumentStatus.FAILED
    assert document.error_code == "too_many_attempts"
