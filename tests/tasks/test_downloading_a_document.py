"""Files are served only through the authenticated view, as attachments, and each download is recorded."""

import pytest

from config.models import AuditEvent
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_fail, document_produce
from tests.factories import eligible_resident
from tests.support import DAY, nothing_changed
from tests.tasks.helpers import DOCUMENTS_URL, pdf_text

pytestmark = pytest.mark.django_db


def ready_roster(by=None) -> Document:
    document = Document.objects.create(
        kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, requested_by=by
    )
    assert document_produce(document_id=document.pk) == DocumentStatus.READY
    return Document.objects.get(pk=document.pk)


def test_before_it_is_ready_the_file_is_409_not_ready(coordinator_client):
    document = Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject="2026-03-04", subject_date=DAY)
    response = coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/")
    assert response.status_code == 409
    assert response.json()["code"] == "not_ready"
    assert response.json()["status"] == "pending"


def test_a_failed_document_says_why_and_has_no_file(coordinator_client):
    document = Document.objects.create(kind=DocumentKind.WORKSHOP_ATTENDANCE, subject="5", subject_date=DAY)
    document_fail(document_id=document.pk, code="session_not_found")
    detail = coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/").json()
    assert detail["status"] == "failed"
    assert detail["error"] == "Warsztat już nie istnieje."
    assert detail["finished_at"] is not None
    assert coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/").json()["status"] == "failed"


def test_the_error_is_readable_in_english_too(coordinator_client):
    document = Document.objects.create(kind=DocumentKind.WORKSHOP_ATTENDANCE, subject="5", subject_date=DAY)
    document_fail(document_id=document.pk, code="session_not_found")
    detail = coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert detail["error"] == "The workshop session no longer exists."


def test_a_ready_document_downloads_as_a_pdf_attachment(coordinator_client, frozen_clock):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    document = ready_roster()
    response = coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/", HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="lista-posilkow-2026-03-04.pdf"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Żółć Łukasz" in pdf_text(b"".join(response.streaming_content))


def test_each_download_is_counted_and_recorded(coordinator_client, coordinator, frozen_clock):
    document = ready_roster()
    for _ in range(2):
        coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/").getvalue()
    document.refresh_from_db()
    assert document.download_count == 2
    assert document.last_downloaded_at is not None
    events = AuditEvent.objects.filter(action="document.download", object_id=str(document.pk))
    assert [e.actor for e in events] == [coordinator, coordinator]


def test_files_live_under_media_root_and_no_url_serves_them(client, coordinator_client, media_root, frozen_clock):
    document = ready_roster()
    assert (media_root / document.file.name).is_file()
    assert document.file.name.startswith("documents/2026/03/")
    for path in (f"/{document.file.name}", f"/media/{document.file.name}"):
        assert client.get(path).status_code == 404
        assert coordinator_client.get(path).status_code == 404


def test_a_file_gone_from_disk_is_a_404_with_a_code(coordinator_client, frozen_clock):
    document = ready_roster()
    document.file.storage.delete(document.file.name)
    with nothing_changed():  # not even a download in the audit trail
        response = coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/")
    assert response.status_code == 404
    assert response.json()["code"] == "file_missing"


def test_only_the_monthly_report_has_a_csv(coordinator_client, frozen_clock):
    document = ready_roster()
    assert coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/").json()["csv_url"] is None
    assert coordinator_client.get(f"{DOCUMENTS_URL}{document.pk}/file/csv/").status_code == 404
