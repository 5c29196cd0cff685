"""Import runs (docs/imports.md): record an upload, check or apply it here or in the worker.

A small file is processed in the request; a larger one (more than ``IMPORT_INLINE_ROWS`` rows)
is queued after its run commits and processed by ``tasks.import_process``, which reports the
rows done to the cache (the page's progress bar) and keeps the outcome on the run for later.
Processing is idempotent: a run already taken by a worker is not processed twice.
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from beneficiaries.imports.reading import read_table, refuse_oversized
from beneficiaries.imports.service import import_rows
from config.audit import audit_record
from tasks.models import ImportRun, ImportStatus
from tasks.services import stale_after, task_enqueue

logger = logging.getLogger(__name__)

PROCESS_TASK = "tasks.import_process"
PROGRESS_SECONDS = 24 * 3600
SWEEP_BATCH = 50


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
        import_process(run_id=run.pk, rows=rows)
    run.refresh_from_db()
    return run


def import_may_apply(run: ImportRun) -> bool:
    """A finished dry run whose file has not been applied yet and is still kept (imports_sweep)."""
    return import_check_state(run) == "waiting"


def import_check_state(run: ImportRun) -> str | None:
    """A finished dry run: "applied", "waiting" (to be applied) or "file_removed" (by the sweep: it
    can no longer be applied); None for other runs."""
    if not (run.dry_run and run.status == ImportStatus.DONE):
        return None
    if ImportRun.objects.filter(checked=run).exists():
        return "applied"
    return "file_removed" if ImportRun.objects.filter(pk=run.pk, content=b"").exists() else "waiting"


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


def import_process(*, run_id: int, rows: list | None = None) -> str:
    """Check or apply a pending run and keep its outcome; returns the run's status.

    ``rows``: its file as read already (a run processed in the request that read it); else the
    run's file is read here.
    """
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportStatus.PENDING).update(
        status=ImportStatus.RUNNING, started_at=timezone.now()
    )
    run = ImportRun.objects.select_related("requested_by").filter(pk=run_id).first()
    if run is None or not claimed:
        return run.status if run else "missing"
    try:
        result = import_rows(
            rows=read_table(content=bytes(run.content)) if rows is None else rows,
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


def imports_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """No run waits for ever and no uploaded file is kept longer than it is needed (docs/imports.md).

    - A run still pending after the broker's visibility timeout (the message was lost: broker
      down, worker gone) is queued again; one pending or running for IMPORT_RUN_LIMIT_MINUTES
      failed (a worker killed mid-run rolled its transaction back: nothing was changed).
    - A finished run's file (a check never applied, a failed run) is removed
      IMPORT_FILE_KEEP_HOURS after it finished: it holds the personal data of every row. The
      outcome per row stays; a check whose file is gone can no longer be applied.
    """
    now = now or timezone.now()
    requeued = 0
    stale = ImportRun.objects.filter(status=ImportStatus.PENDING, created_at__lt=now - stale_after())
    for run_id in list(stale.filter(created_at__gte=now - _run_limit()).values_list("pk", flat=True)[:SWEEP_BATCH]):
        requeued += task_enqueue(PROCESS_TASK, run_id)
    failed = ImportRun.objects.filter(
        Q(status=ImportStatus.PENDING, created_at__lt=now - _run_limit())
        | Q(status=ImportStatus.RUNNING, started_at__lt=now - _run_limit())
    ).update(
        status=ImportStatus.FAILED,
        finished_at=now,
        error=_("The import was interrupted; nothing was changed. Upload the file again."),
    )
    removed = (
        ImportRun.objects.filter(finished_at__lt=now - datetime.timedelta(hours=settings.IMPORT_FILE_KEEP_HOURS))
        .exclude(content=b"")
        .update(content=b"")
    )
    return {"requeued": requeued, "failed": failed, "files_removed": removed}


def _run_limit() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.IMPORT_RUN_LIMIT_MINUTES)
