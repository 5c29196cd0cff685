"""A worker process killed while rendering loses nothing: the message goes back, another process renders it.

This runs a real prefork worker in a subprocess on real Redis and PostgreSQL, kills the child
process that is rendering (SIGKILL, as the OOM killer would), and waits for the document.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_enqueue
from tests.factories import eligible_resident
from tests.support import DAY

ROOT = Path(__file__).resolve().parents[2]

# The worker's first render of a meal list stops for two minutes (long enough to be killed);
# later renders run normally. Everything else is the real worker.
WORKER = """
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
app.worker_main(["worker", "--pool=prefork", "--concurrency=1", "--loglevel=WARNING",
                 "--without-mingle", "--without-gossip", "--without-heartbeat"])
"""


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def worker_env(tmp_path, media_root) -> dict:
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        MEDIA_ROOT=str(media_root),
        KILL_MARKER=str(tmp_path / "rendering-pid"),
    )
    return env


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_document_survives_its_worker_process_being_killed(tmp_path, media_root):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY)
    env = worker_env(tmp_path, media_root)
    worker = subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert document_enqueue(document.pk)
        marker = Path(env["KILL_MARKER"])
        wait_for(lambda: marker.exists() and marker.read_text(), 60, "the first render to start")
        os.kill(int(marker.read_text()), signal.SIGKILL)
        document = wait_for(
            lambda: Document.objects.filter(pk=document.pk, status=DocumentStatus.READY).first(),
            90,
            "another worker process to render the document",
        )
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    assert document.file and (media_root / document.file.name).is_file()
    assert Document.objects.count() == 1
