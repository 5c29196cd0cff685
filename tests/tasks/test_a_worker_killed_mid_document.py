"""A worker process killed while rendering loses nothing: the message goes back, another process renders it.

This runs a real prefork worker in a subprocess on real Redis and PostgreSQL, kills the child
process that is rendering (SIGKILL, as the OOM killer would), and waits for the document.
"""

import os
import signal

import pytest
from django.conf import settings

from tasks.models import Document, DocumentKind
from tasks.services import document_enqueue
from tests.factories import eligible_resident
from tests.processes import (
    FIRST_RENDER_HANGS_WORKER,
    env_sharing_this_test,
    hanging_render_pid,
    ready_document,
    start_worker,
    stop_process,
)
from tests.support import DAY


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_document_survives_its_worker_process_being_killed(tmp_path, media_root):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY)
    env = env_sharing_this_test(REDIS_URL=settings.REDIS_URL, KILL_MARKER=tmp_path / "rendering-pid")
    worker = start_worker(env, FIRST_RENDER_HANGS_WORKER)
    try:
        assert document_enqueue(document.pk)
        os.kill(hanging_render_pid(env), signal.SIGKILL)
        document = ready_document(document.pk, "another worker process to render the document")
    finally:
        stop_process(worker)
    assert document.file and (media_root / document.file.name).is_file()
    assert Document.objects.count() == 1
