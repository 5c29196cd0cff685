"""Import runs (docs/imports.md): record an upload, check or apply it here or in the worker.

A small file is processed in the request; a larger one (more than ``IMPORT_INLINE_ROWS`` rows)
is queued after its run commits and processed by ``tasks.import_process``, which reports the
rows done to the cache (the page's progress bar) and keeps the outcome on the run for later.
Processing is idempotent: a run already taken by a worker is not processed twice.
"""

import dataclasses
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beneficiaries.imports.reading import read_table, refuse_oversized
from beneficiaries.imports.service import import_rows
from config.audit import audit_record
from tasks.models import ImportRun, ImportStatus
from tasks.services import task_enqueue

logger = logging.getLogger(__name__)

PROCESS_TASK = "tasks.import_process"
PROGRESS_SECONDS = 24 * 3600


def import_upload(*, by, upload, dry_run: bool) -> ImportRun:
    """An uploaded file (Django's UploadedFile): its size is checked before it is read."""
    refuse_oversized(upload.size)
    return import_request(by=by, file_name=upload.name, content=upload.read(), dry_run=dry_run)


def import_request(*, by, file_name: str, content: bytes, dry_run: bool, checked: ImportRun | None = None) -> ImportRun:
    """Record the upload and process it (here or queued); a file that is not the table is refused first."""
    rows = read_table(content=content)  # ValidationError on "file": nothing recorded
    with transaction.atomic():
        run = ImportRun.objects.create(
            file_name=file_name[:200],
            content=content,
            dry_run=dry_run,
            rows_total=len(rows),
            checked=checked,
            requested_by=by,
        )
        audit_record(
            actor=by,
            action="import.request",
            obj=run,
            after={"file": run.file_name, "dry_run": dry_run, "rows": len(rows)},
        )
        if checked is not None:  # its file now belongs to this run
            ImportRun.objects.filter(pk=checked.pk).update(content=b"")
        if len(rows) > settings.IMPORT_INLINE_ROWS:
            transaction.on_commit(lambda: task_enqueue(PROCESS_TASK, run.pk))
    if len(rows) <= settings.IMPORT_INLINE_ROWS:
        import_process(run_id=run.pk)
    run.refresh_from_db()
    return run


def import_may_apply(run: ImportRun) -> bool:
    """A finished dry run whose file has not been applied yet."""
    return run.dry_run and run.status == ImportStatus.DONE and not ImportRun.objects.filter(checked=run).exists()


def import_apply_checked(*, run_id: int, by) -> ImportRun | None:
    """Apply the file of a finished dry run ("Apply" after reading what would happen).

    None when it cannot be applied (any more): a second click applies nothing twice.
    """
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or not import_may_apply(run):
            return None
        content = bytes(run.content)
        return import_request(by=by, file_name=run.file_name, content=content, dry_run=False, checked=run)


def import_process(*, run_id: int) -> str:
    """Check or apply a pending run and keep its outcome; returns the run's status."""
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportStatus.PENDING).update(
        status=ImportStatus.RUNNING, started_at=timezone.now()
    )
    run = ImportRun.objects.select_related("requested_by").filter(pk=run_id).first()
    if run is None or not claimed:
        return run.status if run else "missing"
    try:
        result = import_rows(
            rows=read_table(content=bytes(run.content)),
            file_name=run.file_name,
            by=run.requested_by,
            dry_run=run.dry_run,
            progress=lambda done, _total: cache.set(_progress_key(run_id), done, PROGRESS_SECONDS),
        )
    except Exception:  # a bug or a lost database: say so on the run rather than leave it running
        logger.exception("Import %s failed", run_id)
        return _finish(run, status=ImportStatus.FAILED, error=_("The import failed; nothing was changed. Try again."))
    return _finish(run, status=ImportStatus.DONE, summary=result.summary, rows=_plain(result.rows))


def _finish(run: ImportRun, *, status: str, **fields) -> str:
    if not run.dry_run and status == ImportStatus.DONE:
        fields["content"] = b""  # applied: the file is no longer needed
    ImportRun.objects.filter(pk=run.pk).update(status=status, finished_at=timezone.now(), **fields)
    return status


def _plain(outcomes) -> list[dict]:
    return [dataclasses.asdict(outcome) for outcome in outcomes]


def _progress_key(run_id: int) -> str:
    return f"import-progress:{run_id}"


def import_rows_done(run: ImportRun) -> int:
    """How many rows the run has processed (from the cache while it runs)."""
    if run.status == ImportStatus.DONE:
        return run.rows_total
    if run.status == ImportStatus.PENDING:
        return 0
    return cache.get(_progress_key(run.pk), 0)
