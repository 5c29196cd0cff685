"""No import waits for ever and no uploaded file is kept longer than needed (docs/imports.md#the-sweep).

An uploaded file holds every row's personal data: a check never applied, or a failed run,
loses it IMPORT_FILE_KEEP_HOURS after it finished; the outcome per row stays. A run whose
message was lost is queued again; one interrupted (a killed worker) is failed after
IMPORT_RUN_LIMIT_MINUTES, saying nothing was changed.
"""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from beneficiaries.models import Resident
from tasks import imports
from tasks.imports import import_may_apply, imports_sweep
from tasks.models import ImportRun, ImportStatus
from tests.beneficiaries.import_files import csv_file, row
from tests.support import logged_in_client, nothing_changed

pytestmark = pytest.mark.django_db

HOURS = datetime.timedelta(hours=1)


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """Run ids handed to the broker (the broker itself is outside this test)."""
    ids: list[int] = []
    monkeypatch.setattr(imports, "task_enqueue", lambda _task, run_id: ids.append(run_id) or True)
    return ids


@pytest.fixture
def coordinator_page(coordinator):
    return logged_in_client(coordinator)


def _check(page) -> ImportRun:
    """A dry run of a two-row file through the page, as a coordinator uploads it."""
    content = csv_file([row(), row(nazwisko="Nowak", imie="Anna", pesel="02211307589")])
    page.post("/imports/", {"file": SimpleUploadedFile("marzec.csv", content)})
    return ImportRun.objects.get()


def _run(status: str, *, created_ago: datetime.timedelta, started_ago: datetime.timedelta | None = None, **fields):
    now = timezone.now()
    run = ImportRun.objects.create(file_name="duzy.csv", content=b"nazwisko;imie\n", dry_run=False, status=status)
    started = now - started_ago if started_ago is not None else None
    ImportRun.objects.filter(pk=run.pk).update(created_at=now - created_ago, started_at=started, **fields)
    return run


def test_a_check_never_applied_loses_its_file_after_the_keep_time_and_can_no_longer_be_applied(
    coordinator_page, settings, queued
):
    settings.IMPORT_FILE_KEEP_HOURS = 24
    checked = _check(coordinator_page)
    summary, rows = checked.summary, checked.rows

    with time_machine.travel(timezone.now() + 23 * HOURS):
        assert imports_sweep()["files_removed"] == 0
    assert bytes(ImportRun.objects.get().content) != b"" and import_may_apply(checked)

    with time_machine.travel(timezone.now() + 25 * HOURS):
        assert imports_sweep() == {"requeued": 0, "failed": 0, "files_removed": 1}
        checked.refresh_from_db()
        assert bytes(checked.content) == b""
        assert (checked.summary, checked.rows) == (summary, rows), "the outcome per row stays"
    assert not import_may_apply(checked)
    page = coordinator_page.get(f"/imports/{checked.pk}/").content.decode()
    assert "Wykonaj import" not in page
    assert 'id="import-file-removed"' in page and "24" in page
    with nothing_changed():
        refused = coordinator_page.post(f"/imports/{checked.pk}/apply/")
    assert refused["Location"] == f"/imports/{checked.pk}/"
    assert not Resident.objects.exists()
    assert queued == []


def test_an_applied_check_is_not_told_its_file_was_removed(coordinator_page):
    checked = _check(coordinator_page)
    coordinator_page.post(f"/imports/{checked.pk}/apply/")

    page = coordinator_page.get(f"/imports/{checked.pk}/").content.decode()

    assert Resident.objects.count() == 2
    assert 'id="import-file-removed"' not in page


def test_a_failed_run_loses_its_file_and_running_ones_keep_theirs(settings, queued):
    settings.IMPORT_FILE_KEEP_HOURS = 24
    failed = _run(ImportStatus.FAILED, created_ago=30 * HOURS, finished_at=timezone.now() - 25 * HOURS)
    running = _run(ImportStatus.RUNNING, created_ago=10 * datetime.timedelta(minutes=1), started_ago=HOURS / 6)

    assert imports_sweep() == {"requeued": 0, "failed": 0, "files_removed": 1}

    assert bytes(ImportRun.objects.get(pk=failed.pk).content) == b""
    assert bytes(ImportRun.objects.get(pk=running.pk).content) != b""


def test_a_run_whose_message_was_lost_is_queued_again_and_a_fresh_one_is_left_alone(settings, queued):
    lost = _run(ImportStatus.PENDING, created_ago=datetime.timedelta(minutes=10))
    _run(ImportStatus.PENDING, created_ago=datetime.timedelta(minutes=1))

    assert imports_sweep() == {"requeued": 1, "failed": 0, "files_removed": 0}

    assert queued == [lost.pk]
    assert ImportRun.objects.get(pk=lost.pk).status == ImportStatus.PENDING


def test_an_interrupted_run_fails_after_the_limit_saying_nothing_was_changed(settings, queued):
    settings.IMPORT_RUN_LIMIT_MINUTES = 60
    killed = _run(ImportStatus.RUNNING, created_ago=2 * HOURS, started_ago=61 * datetime.timedelta(minutes=1))
    never_taken = _run(ImportStatus.PENDING, created_ago=61 * datetime.timedelta(minutes=1))
    slow = _run(ImportStatus.RUNNING, created_ago=HOURS, started_ago=50 * datetime.timedelta(minutes=1))

    assert imports_sweep() == {"requeued": 0, "failed": 2, "files_removed": 0}

    for run in (killed, never_taken):
        run.refresh_from_db()
        assert run.status == ImportStatus.FAILED
        assert run.finished_at is not None
        assert "nic nie zostało zmienione" in run.error.lower() or "nothing was changed" in run.error.lower()
    assert ImportRun.objects.get(pk=slow.pk).status == ImportStatus.RUNNING
    assert queued == []
