"""A whole Celery worker (parent and child) killed with SIGKILL mid-document: a new worker delivers it.

tests/tasks/test_a_worker_killed_mid_document.py kills the pool's child and lets the parent
re-deliver. Here nothing of the first worker survives (a machine reboot, a container
OOM-killed): the message stays unacknowledged on the broker, the sweeper re-queues the
document, and a worker started afterwards renders it, once.
"""

import datetime
import signal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tasks.celery import app
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_enqueue, documents_sweep, stale_after
from tests.factories import eligible_resident
from tests.security import figures
from tests.security.processes import QUIET_WORKER_ARGS, PrivateRedis, service_env, start_worker, stop_process, wait_for
from tests.support import DAY

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# The first render of a meal list writes its pid and stops for two minutes (time to be killed);
# every later render runs normally. Everything else is the real worker.
WORKER = f"""
import os, pathlib, time
import django
django.setup()
from tasks import producers
marker = pathlib.Path(os.environ["KILL_MARKER"])
real = producers.PRODUCERS["meal_roster"]

def first_render_hangs(document):
    if not marker.exists():
        marker.write_text(str(os.getpid()))
        time.sleep(120)
    return real(document)

producers.PRODUCERS["meal_roster"] = first_render_hangs
from tasks.celery import app
app.worker_main({QUIET_WORKER_ARGS!r})
"""


@pytest.fixture
def broker():
    server = PrivateRedis().start()
    saved = app.conf.broker_url
    app.conf.broker_url = server.url
    app._pool = None
    yield server
    app.conf.broker_url = saved
    app._pool = None
    server.kill()


def running(pid: int) -> bool:
    """Alive and not a zombie (a killed child may wait for a parent that is gone too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def worker_env(broker, tmp_path) -> dict:
    db = connection.settings_dict
    return service_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=broker.url,
        MEDIA_ROOT=settings.MEDIA_ROOT,
        KILL_MARKER=tmp_path / "rendering-pid",
    )


def test_the_document_arrives_after_the_whole_worker_is_killed(broker, tmp_path, media_root):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = Document.objects.create(  # as document_request leaves it: handed to the broker once
        kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, attempts=1, queued_at=timezone.now()
    )
    env = worker_env(broker, tmp_path)
    first = start_worker(env, WORKER)
    try:
        assert document_enqueue(document.pk)
        marker = Path(env["KILL_MARKER"])
        wait_for(lambda: marker.exists() and marker.read_text(), 60, "the first render to start")
        assert Document.objects.get(pk=document.pk).started_at is not None
        stop_process(first, sig=signal.SIGKILL)  # the whole process group: parent and child
        figures.add("faults_injected")
        assert wait_for(lambda: not running(int(marker.read_text())), 10, "the rendering process to die")
    finally:
        stop_process(first, sig=signal.SIGKILL)

    second = start_worker(env, WORKER)
    try:
        requeued = documents_sweep(now=timezone.now() + stale_after() + datetime.timedelta(seconds=1))
        assert requeued == {"requeued": 1, "failed": 0}
        document = wait_for(
            lambda: Document.objects.filter(pk=document.pk, status=DocumentStatus.READY).first(),
            90,
            "a new worker to render the document",
        )
    finally:
        stop_process(second)
    assert (Path(settings.MEDIA_ROOT) / document.file.name).is_file()
    assert Document.objects.count() == 1 and document.attempts == 2
    figures.add("faults_lost", 0)
