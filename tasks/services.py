"""Writes of the documents app: request, schedule, produce, fail, sweep, record a download.

The schedule's jobs (tasks/beat.py) create their documents through the ``*_schedule`` functions
at the end; each call is safe to repeat.

A document is queued after its row commits (``transaction.on_commit``); the worker takes its
id, and producing is idempotent: a second run of the same id (a redelivered message, the
sweeper's re-queue racing a slow worker) finds the document no longer pending and stops.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from beneficiaries.calendar import point_is_open
from config.audit import audit_record
from config.dates import RECORDS_BEGIN, day_text, parse_day, parse_month
from config.fields import MAX_ID
from tasks import exceptions
from tasks.celery import app as celery_app
from tasks.models import KIND_PARAMETER, Document, DocumentFailure, DocumentKind, DocumentStatus
from tasks.producers import Produced, SubjectGone, data_fingerprint, produce
from tasks.selectors import document_kinds_for, latest_document
from workshops.models import SessionStatus, WorkshopSession
from workshops.selectors import sessions_starting_on

logger = logging.getLogger(__name__)

SWEEP_BATCH = 100
# tasks.tasks.document_render, queued by name: the task module imports this one, not the reverse.
RENDER_TASK = "tasks.document_render"


def stale_after() -> datetime.timedelta:
    """How long a pending document may wait (or a worker may work on it) before the sweeper acts."""
    return datetime.timedelta(seconds=settings.DOCUMENTS_STALE_AFTER_SECONDS)


def max_attempts() -> int:
    return settings.DOCUMENTS_MAX_ATTEMPTS


@dataclass
class Requested:
    document: Document
    # False when the broker was down (the sweeper queues it later); None while the surrounding
    # transaction has not committed yet.
    queued: bool | None = None


# --- What a document is about: the rules of each kind's parameter ------------------------------


def document_subject(*, kind: str, parameter) -> tuple[str, datetime.date]:
    """``(subject, subject_date)`` of a document of ``kind`` about ``parameter``: a day (meal lists),
    a session id (attendance) or a month's first day (reports). A parameter the kind cannot be
    made for is a ValidationError keyed by the parameter's name (a 400 in the API)."""
    name = KIND_PARAMETER[DocumentKind(kind)]
    return _SUBJECT_RULES[name](parameter)


def _subject_of_day(day: datetime.date) -> tuple[str, datetime.date]:
    _refuse_before_records(day, "date")
    if not point_is_open(day):
        raise ValidationError({"date": [_("The meal point is closed on this day.")]})
    return day.isoformat(), day


def _subject_of_session(session_id: int) -> tuple[str, datetime.date]:
    session = WorkshopSession.objects.filter(pk=session_id).only("status", "starts_at").first()
    if session is None:
        raise ValidationError({"session": [_("There is no workshop session with this id.")]})
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError({"session": [_("This workshop session was cancelled.")]})
    return str(session_id), timezone.localdate(session.starts_at)


def _subject_of_month(month: datetime.date) -> tuple[str, datetime.date]:
    _refuse_before_records(month, "month")
    return f"{month:%Y-%m}", month


def _refuse_before_records(day: datetime.date, name: str) -> None:
    if day < RECORDS_BEGIN:
        message = _("The service holds no records before %(day)s.") % {"day": day_text(RECORDS_BEGIN)}
        raise ValidationError({name: [message]})


_SUBJECT_RULES = {"date": _subject_of_day, "session": _subject_of_session, "month": _subject_of_month}


def _session_id(text: str) -> int:
    number = int(text)
    if not 1 <= number <= MAX_ID:
        raise ValueError(f"not an id: {text}")
    return number


_SUBJECT_PARSERS = {"date": parse_day, "session": _session_id, "month": parse_month}


def _refuse_unknown_subject(kind: str, subject: str, subject_date: datetime.date) -> None:
    """A caller that skipped ``document_subject`` (a script) gets the same refusals as the API."""
    name = KIND_PARAMETER[DocumentKind(kind)]
    try:
        parameter = _SUBJECT_PARSERS[name](subject)
    except ValueError:
        raise ValidationError({name: [_("This is not a parameter of this kind of document.")]}) from None
    if document_subject(kind=kind, parameter=parameter) != (subject, subject_date):
        raise ValidationError({name: [_("This is not a parameter of this kind of document.")]})


# --- Requests and the schedule ------------------------------------------------------------------


def document_request(*, kind: str, subject: str, subject_date: datetime.date, by) -> Requested:
    """A staff member asks for a document (the API and the "Wydruki" page): a kind their role may print.

    The last document of the same kind and subject is handed back while its data is unchanged;
    otherwise a new one is made (docs/printing.md#a-list-is-never-out-of-date).
    """
    if kind not in document_kinds_for(by):
        raise exceptions.kind_not_allowed()
    _refuse_unknown_subject(kind, subject, subject_date)
    fingerprint = _fingerprint_now(kind, subject)
    with transaction.atomic():
        current = latest_document(kind=kind, subject=subject)
        if current is not None and fingerprint and current.fingerprint == fingerprint:
            audit_record(actor=by, action="document.request", obj=current, after={"kind": kind, "reused": True})
            return Requested(document=current, queued=True)
        document = _new_document(
            kind=kind, subject=subject, subject_date=subject_date, fingerprint=fingerprint, requested_by=by
        )
        audit_record(actor=by, action="document.request", obj=document, after={"kind": kind, "subject": subject})
        requested = Requested(document=document)
        transaction.on_commit(lambda: setattr(requested, "queued", document_enqueue(document.pk)))
    return requested


def _fingerprint_now(kind: str, subject: str) -> str:
    """ "" when the subject is gone meanwhile: a new document is made and the worker says why it failed."""
    try:
        return data_fingerprint(kind=kind, subject=subject)
    except SubjectGone:
        return ""


def document_schedule(*, kind: str, subject: str, subject_date: datetime.date, key: str) -> Document | None:
    """The schedule asks for a document: one per ``key`` however often beat fires (None if it exists)."""
    if Document.objects.filter(scheduled_key=key).exists():
        return None
    try:
        with transaction.atomic():
            document = _new_document(kind=kind, subject=subject, subject_date=subject_date, scheduled_key=key)
            audit_record(actor=None, action="document.schedule", obj=document, after={"kind": kind, "subject": subject})
            transaction.on_commit(lambda: document_enqueue(document.pk))
    except IntegrityError:  # a second beat message won the race: its document stands
        return None
    return document


def _new_document(**fields) -> Document:
    """A pending document, on its first attempt, queued now (the caller queues it on commit)."""
    return Document.objects.create(attempts=1, queued_at=timezone.now(), **fields)


def document_enqueue(document_id: int) -> bool:
    """Hand the id to the broker; a broker that is down is logged, never raised (the sweeper retries)."""
    return task_enqueue(RENDER_TASK, document_id)


def task_enqueue(task_name: str, object_id: int) -> bool:
    """Queue ``task_name(object_id)``; False (logged, never raised) when the broker is down."""
    try:
        with celery_app.connection_for_write() as connection:
            # One try, no retry loop: a request must not hang for seconds on a broker that is down.
            connection.ensure_connection(max_retries=0)
            celery_app.send_task(task_name, args=[object_id], connection=connection, retry=False)
    except (BrokerError, RedisError, OSError):
        logger.warning("%s(%s) not queued: broker unavailable", task_name, object_id, exc_info=True)
        return False
    return True


def document_produce(*, document_id: int) -> str:
    """Render and store a pending document; returns its status. Database and disk errors propagate (retried)."""
    document = Document.objects.select_related("requested_by").filter(pk=document_id).first()
    if document is None or document.status != DocumentStatus.PENDING:
        return document.status if document else "missing"
    started = timezone.now()
    Document.objects.filter(pk=document_id, status=DocumentStatus.PENDING).update(started_at=started)
    try:
        produced = produce(document)
    except SubjectGone as gone:
        return document_fail(document_id=document_id, code=gone.code)
    except (DatabaseError, OSError):
        raise
    except Exception:  # a bug in a renderer: retrying gives the same result, so say so at once
        logger.exception("Document %s could not be rendered", document_id)
        return document_fail(document_id=document_id, code=DocumentFailure.RENDER_FAILED)
    return _store(document_id, produced, started=started)


def _store(document_id: int, produced: Produced, *, started: datetime.datetime) -> str:
    """Save the files under the row lock, only if this run is still the document's latest.

    Of two runs of one id, only the first stores anything; and a run the document was asked again
    behind (made again after an anonymisation, queued again by the sweep: ``started_at`` reset)
    stores nothing: what it read may name somebody who is no longer there. The newer run stores.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status != DocumentStatus.PENDING or document.started_at != started:
            return document.status
        for file in produced.files:
            field = getattr(document, file.field)
            leftover = field.field.generate_filename(document, file.name)
            if field.storage.exists(leftover):  # written by a run that died before it committed
                field.storage.delete(leftover)
            field.save(file.name, ContentFile(file.content), save=False)
        document.status = DocumentStatus.READY
        document.error_code = ""
        document.fingerprint = produced.fingerprint  # what was printed, which may be newer than the request's
        document.finished_at = timezone.now()
        document.save(update_fields=["file", "csv_file", "status", "error_code", "fingerprint", "finished_at"])
    return DocumentStatus.READY


def document_fail(*, document_id: int, code: str) -> str:
    """Mark a still pending document failed with a readable reason."""
    Document.objects.filter(pk=document_id, status=DocumentStatus.PENDING).update(
        status=DocumentStatus.FAILED, error_code=code, finished_at=timezone.now()
    )
    return DocumentStatus.FAILED


def documents_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Nothing stays pending for ever: re-queue stale documents, fail those out of attempts."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    stale = Document.objects.filter(status=DocumentStatus.PENDING).filter(
        Q(started_at__lt=cutoff) | Q(started_at__isnull=True, queued_at__lt=cutoff)
    )
    failed = stale.filter(attempts__gte=max_attempts()).update(
        status=DocumentStatus.FAILED, error_code=DocumentFailure.TOO_MANY_ATTEMPTS, finished_at=now
    )
    requeued = 0
    for document_id in list(stale.filter(attempts__lt=max_attempts()).values_list("pk", flat=True)[:SWEEP_BATCH]):
        claimed = Document.objects.filter(pk=document_id, status=DocumentStatus.PENDING).update(
            attempts=F("attempts") + 1, queued_at=now, started_at=None
        )
        if claimed:
            document_enqueue(document_id)
            requeued += 1
    return {"requeued": requeued, "failed": failed}


def documents_regenerate(*, documents: QuerySet[Document], by, reason: str) -> int:
    """Make ``documents`` again from the data as it is now (after an anonymisation: without the person).

    They become pending: their files answer 409 ``not_ready`` until the worker has made them
    again, and the old files are deleted once the transaction commits. Each is recorded.
    Returns how many.
    """
    with transaction.atomic():
        locked = list(documents.select_for_update(of=("self",)).order_by("pk"))
        old_files = [
            (field.storage, field.name) for document in locked for field in (document.file, document.csv_file) if field
        ]
        ids = [document.pk for document in locked]
        Document.objects.filter(pk__in=ids).update(
            status=DocumentStatus.PENDING,
            file="",
            csv_file="",
            error_code="",
            attempts=1,
            queued_at=timezone.now(),
            started_at=None,
            finished_at=None,
        )
        for document in locked:
            audit_record(actor=by, action="document.regenerate", obj=document, after={"reason": reason})
        transaction.on_commit(lambda: _replace_files(old_files, ids))
    return len(ids)


def _replace_files(old_files: list, document_ids: list[int]) -> None:
    for storage, name in old_files:
        storage.delete(name)
    for document_id in document_ids:
        document_enqueue(document_id)


def document_download_record(*, document: Document, by, file_format: str) -> None:
    """Every download of a list is a print: counted on the document and in the audit trail."""
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(
            download_count=F("download_count") + 1, last_downloaded_at=timezone.now()
        )
        audit_record(actor=by, action="document.download", obj=document, after={"format": file_format})


# --- What the schedule creates ------------------------------------------------------------------


def meal_roster_schedule(*, day: datetime.date) -> Document | None:
    """The day's meal list on opening days only; None on closed days or when it already exists."""
    if not point_is_open(day):
        return None
    return document_schedule(
        kind=DocumentKind.MEAL_ROSTER, subject=day.isoformat(), subject_date=day, key=f"meal_roster:{day}"
    )


def attendance_lists_schedule(*, day: datetime.date) -> list[Document]:
    """An attendance list for every session starting on ``day`` (the schedule passes tomorrow)."""
    created = []
    for session_id in sessions_starting_on(day=day):
        document = document_schedule(
            kind=DocumentKind.WORKSHOP_ATTENDANCE,
            subject=str(session_id),
            subject_date=day,
            key=f"workshop_attendance:{session_id}:{day}",  # a session moved to another day gets a new list
        )
        if document is not None:
            created.append(document)
    return created


def monthly_report_schedule(*, year: int, month: int) -> Document | None:
    first = datetime.date(year, month, 1)
    subject = f"{year:04d}-{month:02d}"
    return document_schedule(
        kind=DocumentKind.MONTHLY_MEALS, subject=subject, subject_date=first, key=f"monthly_meals:{subject}"
    )
