"""A file too large for the request is checked and applied by a real Celery worker process on Redis,
with the rows done readable while it runs and the outcome kept on the run."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from beneficiaries.models import Resident
from tasks.models import ImportRun
from tests.beneficiaries.import_files import csv_file, row
from tests.processes import env_sharing_this_test, start_worker, stop_process

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

INLINE_ROWS = 5


def people(count: int) -> list[dict]:
    return [
        row(nazwisko=f"Nowak{n:03d}", imie="Anna", pesel="", data_urodzenia="1960-05-14", nr_decyzji=f"OPS/{n}")
        for n in range(count)
    ]


def finished(client, run_id: int, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/imports/{run_id}/").json()
        assert 0 <= body["rows_done"] <= body["rows_total"]
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.2)
    raise AssertionError(f"import {run_id} unfinished after {timeout} s")


def test_a_large_file_is_checked_then_applied_by_the_worker(coordinator_client, settings):
    settings.IMPORT_INLINE_ROWS = INLINE_ROWS
    env = env_sharing_this_test(REDIS_URL=settings.REDIS_URL)
    worker = start_worker(env)
    content = csv_file([*people(12), row(od="nie data")])
    try:
        checked = coordinator_client.post(
            "/api/v1/imports/", {"file": SimpleUploadedFile("d.csv", content), "dry_run": "true"}, format="multipart"
        )
        assert checked.status_code == 202
        assert (checked.json()["status"], checked.json()["rows_total"]) == ("pending", 13)
        body = finished(coordinator_client, checked.json()["id"])
        assert body["summary"] == {"create": 12, "update": 0, "unchanged": 0, "error": 1}
        assert body["rows_done"] == 13
        assert not Resident.objects.exists()

        applied = coordinator_client.post(
            "/api/v1/imports/", {"file": SimpleUploadedFile("d.csv", content)}, format="multipart"
        )
        assert applied.status_code == 202
        body = finished(coordinator_client, applied.json()["id"])
    finally:
        stop_process(worker)
    assert body["summary"] == {"create": 12, "update": 0, "unchanged": 0, "error": 1}
    assert Resident.objects.count() == 12
    assert bytes(ImportRun.objects.get(pk=body["id"]).content) == b""  # applied: the file is not kept
