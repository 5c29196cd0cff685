"""A task run twice (a redelivered message, the sweeper racing a slow worker) leaves one document, one file."""

import pytest

from tasks import producers
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_produce
from tasks.tasks import document_render
from tests.factories import eligible_resident
from tests.support import DAY

pytestmark = pytest.mark.django_db


def pending_roster() -> Document:
    return Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY)


def stored_files(media_root) -> list:
    return sorted(path.name for path in media_root.rglob("*") if path.is_file())


def test_running_the_task_twice_stores_one_file(media_root, frozen_clock):
    eligible_resident()
    document = pending_roster()
    assert document_render.apply(args=[document.pk]).get() == DocumentStatus.READY
    first = Document.objects.get(pk=document.pk)
    assert document_render.apply(args=[document.pk]).get() == DocumentStatus.READY
    again = Document.objects.get(pk=document.pk)
    assert Document.objects.count() == 1
    assert (again.file.name, again.finished_at) == (first.file.name, first.finished_at)
    assert stored_files(media_root) == [f"{document.pk}-lista-posilkow-2026-03-04.pdf"]


def test_a_file_left_by_a_run_that_died_before_committing_is_replaced_not_duplicated(media_root, frozen_clock):
    document = pending_roster()
    orphan = media_root / "documents" / "2026" / "03" / f"{document.pk}-lista-posilkow-2026-03-04.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"half a PDF")
    assert document_produce(document_id=document.pk) == DocumentStatus.READY
    assert stored_files(media_root) == [orphan.name]
    assert orphan.read_bytes().startswith(b"%PDF")


def test_an_unknown_id_does_nothing():
    assert document_produce(document_id=424242) == "missing"


def test_a_session_deleted_before_its_list_is_made_fails_with_a_reason():
    document = Document.objects.create(kind=DocumentKind.WORKSHOP_ATTENDANCE, subject="424242", subject_date=DAY)
    assert document_produce(document_id=document.pk) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error_code == "session_not_found"
    assert document.finished_at is not None


def test_a_renderer_bug_fails_the_document_with_a_readable_error(monkeypatch):
    def broken(document, data):
        raise ValueError("bug")

    real = producers.KINDS[DocumentKind.MEAL_ROSTER]
    monkeypatch.setitem(producers.KINDS, DocumentKind.MEAL_ROSTER, producers.Kind(real.data, broken))
    document = pending_roster()
    assert document_produce(document_id=document.pk) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error_code == "render_failed"
    assert document.error
