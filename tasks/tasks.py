"""Celery tasks: thin wrappers that take ids or nothing and call one service.

The app runs with ``task_acks_late`` and ``task_reject_on_worker_lost`` (tasks/celery.py): a
worker killed in the middle of a document leaves the message on the broker and another worker
renders it again; the producing service makes a second run harmless.
"""

import datetime
import logging

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from config.dates import previous_month
from tasks import backup, imports, retention, services
from tasks.models import DocumentFailure

logger = logging.getLogger(__name__)


@shared_task(name="tasks.heartbeat")
def heartbeat() -> str:
    """Proves a worker takes work from the broker (used by /healthz tests and the README)."""
    return "ok"


@shared_task(name="tasks.add")
def add(x: int, y: int) -> int:
    return x + y


@shared_task(name=services.RENDER_TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def document_render(self, document_id: int) -> str:
    """Produce one document; database or disk trouble is retried, then the document is failed."""
    try:
        return services.document_produce(document_id=document_id)
    except (DatabaseError, OSError) as exc:
        if self.request.retries >= self.max_retries:
            logger.exception("Document %s failed after %s retries", document_id, self.max_retries)
            return services.document_fail(document_id=document_id, code=DocumentFailure.RENDER_FAILED)
        raise self.retry(exc=exc, countdown=15 * (self.request.retries + 1))


@shared_task(name=imports.PROCESS_TASK, acks_late=True)
def import_process(run_id: int) -> str:
    """Check or apply an uploaded file of decisions (too large for the request)."""
    return imports.import_process(run_id=run_id)


@shared_task(name="tasks.imports_sweep")
def imports_sweep() -> dict[str, int]:
    """Every 5 minutes: re-queue lost imports, fail interrupted ones, remove files no longer needed."""
    return imports.imports_sweep()


@shared_task(name="tasks.meal_roster_daily")
def meal_roster_daily() -> int | None:
    """06:00 every day: today's meal list if the point is open today."""
    document = services.meal_roster_schedule(day=timezone.localdate())
    return document.pk if document else None


@shared_task(name="tasks.attendance_lists_for_tomorrow")
def attendance_lists_for_tomorrow() -> list[int]:
    """18:00 every day: the attendance list of each workshop that starts tomorrow."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return [document.pk for document in services.attendance_lists_schedule(day=tomorrow)]


@shared_task(name="tasks.monthly_meals_previous_month")
def monthly_meals_previous_month() -> int | None:
    """07:00 on the 1st: last month's meal report."""
    year, month = previous_month(timezone.localdate())
    document = services.monthly_report_schedule(year=year, month=month)
    return document.pk if document else None


@shared_task(name="tasks.residents_anonymise_due")
def residents_anonymise_due() -> int:
    """02:30 every night: anonymise the residents whose data is past retention."""
    return retention.residents_anonymise_due()


@shared_task(name="tasks.backup_nightly")
def backup_nightly() -> str:
    """03:30 every night: an archive of the database and the documents; the oldest are pruned."""
    return backup.backup_create().path.name


@shared_task(name="tasks.documents_sweep")
def documents_sweep() -> dict[str, int]:
    return services.documents_sweep()
