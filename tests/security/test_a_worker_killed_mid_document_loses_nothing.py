"""A whole Celery worker (parent and child) killed with SIGKILL mid-document: a new worker delivers it.

tests/tasks/test_a_worker_killed_mid_document.py kills the pool's child and lets the parent
re-deliver. Here nothing of the first worker survives (a machine reboot, a container
OOM-killed): the message stays unacknowledged on the broker. The broker delivers it again once
DOCUMENTS_STALE_AFTER_SECONDS have passed (its visibility timeout), with no sweeper; the sweeper,
which waits as long, re-queues it too, and a worker started afterwards renders it, once.
"""

import datetime
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from tasks.models import Document, DocumentKind
from tasks.services import document_enqueue, documents_sweep, stale_after
from tests.factories import eligible_resident
from tests.processes import (
    FIRST_RENDER_HANGS_WORKER,
    PrivateRedis,
    celery_broker_at,
    env_sharing_this_test,
    hanging_render_pid,
    ready_document,
    start_worker,
    stop_process,
    wait_for,
)
from tests.security import figures
from tests.support import DAY

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker():
    server = PrivateRedis().start()
    with celery_broker_at(server.url):
        yield server
    server.kill()


def running(pid: int) -> bool:
    """Alive and not a zombie (a killed child may wait for a parent that is gone too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def test_the_document_arrives_after_the_whole_worker_is_killed(broker, tmp_path, media_root):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = Document.objects.create(  # as document_request leaves it: handed to the broker once
        kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, attempts=1, queued_at=timezone.now()
    )
    env = env_sharing_this_test(REDIS_URL=broker.url, KILL_MARKER=tmp_path / "rendering-pid")
    first = start_worker(env, FIRST_RENDER_HANGS_WORKER)
    try:
        assert document_enqueue(document.pk)
        rendering = hanging_render_pid(env)
        assert Document.objects.get(pk=document.pk).started_at is not None
        stop_process(first, sig=signal.SIGKILL)  # the whole process group: parent and child
        figures.add("faults_injected")
        assert wait_for(lambda: not running(rendering), 10, "the rendering process to die")
    finally:
        stop_process(first, sig=signal.SIGKILL)

    second = start_worker(env, FIRST_RENDER_HANGS_WORKER)
    try:
        requeued = documents_sweep(now=timezone.now() + stale_after() + datetime.timedelta(seconds=1))
        assert requeued == {"requeued": 1, "failed": 0}
        document = ready_document(document.pk, "a new worker to render the document")
    finally:
        stop_process(second)
    assert (Path(settings.MEDIA_ROOT) / document.file.name).is_file()
    assert Document.objects.count() == 1 and document.attempts == 2
    figures.add("faults_lost", 0)


STALE_SECONDS = 5  # DOCUMENTS_STALE_AFTER_SECONDS of the workers: production's 300, small for the test


def test_the_broker_delivers_it_again_after_the_stale_time_without_the_sweeper(broker, tmp_path, media_root):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = Document.objects.create(
        kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, attempts=1, queued_at=timezone.now()
    )
    env = env_sharing_this_test(
        REDIS_URL=broker.url, KILL_MARKER=tmp_path / "rendering-pid", DOCUMENTS_STALE_AFTER_SECONDS=STALE_SECONDS
    )
    first = start_worker(env, FIRST_RENDER_HANGS_WORKER)
    try:
        assert document_enqueue(document.pk)
        hanging_render_pid(env)
    finally:
        stop_process(first, sig=signal.SIGKILL)
    killed_at = time.monotonic()
    figures.add("faults_injected")
    second = start_worker(env, FIRST_RENDER_HANGS_WORKER)
    try:
        document = ready_document(document.pk, "the broker to deliver the document again")
    finally:
        stop_process(second)
    took = time.monotonic() - killed_at
    print(f"killed worker's document ready {took:.1f} s after the kill (stale time {STALE_SECONDS} s)")
    assert took < STALE_SECONDS + 45, "the stale time, the restore interval and a worker's start-up"
    assert Document.objects.count() == 1 and document.attempts == 1, "no sweeper was needed"
    figures.add("faults_lost", 0)
