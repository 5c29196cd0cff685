"""Printed documents as records: what was asked, by whom, and where the worker got to."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    MEAL_ROSTER = "meal_roster", _("Daily meal list")
    WORKSHOP_ATTENDANCE = "workshop_attendance", _("Workshop attendance list")
    MONTHLY_MEALS = "monthly_meals", _("Monthly meal report")
    FEAD_REPORT = "fead_report", _("Accompanying measures report (FEPŻ)")
    MEAL_SETTLEMENT = "meal_settlement", _("Caterer's settlement")
    MEAL_SERVING_SHEET = "meal_serving_sheet", _("Serving sheet (diets)")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class DocumentFailure(models.TextChoices):
    """Why a document failed: a stable code stored, a readable message shown in the reader's language."""

    SESSION_NOT_FOUND = "session_not_found", _("The workshop session no longer exists.")
    TOO_MANY_ATTEMPTS = (
        "too_many_attempts",
        _(
            "The document could not be prepared after several attempts (no worker took the job). "
            "Please request it again; if it fails again, tell the administrator."
        ),
    )
    RENDER_FAILED = (
        "render_failed",
        _(
            "The document could not be prepared because of an internal error. "
            "Please request it again; if it fails again, tell the administrator."
        ),
    )


# The parameter each kind takes, as named in the API (docs/api.md#documents).
KIND_PARAMETER = {
    DocumentKind.MEAL_ROSTER: "date",
    DocumentKind.WORKSHOP_ATTENDANCE: "session",
    DocumentKind.MONTHLY_MEALS: "month",
    DocumentKind.FEAD_REPORT: "month",
    DocumentKind.MEAL_SETTLEMENT: "month",
    DocumentKind.MEAL_SERVING_SHEET: "date",
}


def document_path(document: "Document", filename: str) -> str:
    """Under MEDIA_ROOT, which is never served by URL: files leave only through the authenticated view."""
    return f"documents/{document.created_at:%Y/%m}/{document.pk}-{filename}"


def requested_by_field() -> models.ForeignKey:
    """Who asked for a document or an import; the record outlives the staff account."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Document(models.Model):
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    # The kind's parameter in canonical text: "2026-01-05", "17" (session id) or "2026-01".
    subject = models.CharField(_("parameter"), max_length=32)
    # The day the document is about (a month's report: its first day), for listing by date.
    subject_date = models.DateField(_("date"))
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    error_code = models.CharField(_("error"), max_length=32, choices=DocumentFailure.choices, blank=True)
    file = models.FileField(_("PDF file"), upload_to=document_path, max_length=255, blank=True)
    csv_file = models.FileField(_("CSV file"), upload_to=document_path, max_length=255, blank=True)
    # Digest of the data printed (tasks.producers.data_fingerprint): a request with the same data
    # reuses the document, changed data makes a new one and the older one is outdated.
    fingerprint = models.CharField(_("data fingerprint"), max_length=64, blank=True, editable=False)
    requested_by = requested_by_field()
    # Set only for documents the schedule creates: one per day (or session, or month) however
    # often beat fires.
    scheduled_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)  # times handed to the broker
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    last_downloaded_at = models.DateTimeField(_("last downloaded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "subject_date"]),
            models.Index(fields=["status", "queued_at"]),
            models.Index(fields=["kind", "subject", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="document_kind_known"),
            models.CheckConstraint(condition=Q(status__in=DocumentStatus.values), name="document_status_known"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.subject} ({self.get_status_display()})"

    @property
    def param_name(self) -> str:
        return KIND_PARAMETER[DocumentKind(self.kind)]

    @property
    def params(self) -> dict:
        """The parameter as the API names it: {"date": ...}, {"session": ...} or {"month": ...}."""
        name = self.param_name
        return {name: int(self.subject) if name == "session" else self.subject}

    @property
    def error(self) -> str:
        return str(DocumentFailure(self.error_code).label) if self.error_code else ""

    @property
    def is_ready(self) -> bool:
        return self.status == DocumentStatus.READY and bool(self.file)


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    RUNNING = "running", _("in progress")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ImportRun(models.Model):
    """One upload of decisions (docs/imports.md): checked (dry run) or applied, with its outcome per row.

    The file itself is kept only until it is applied (a checked file waits for "Apply").
    """

    file_name = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("file"), editable=False, default=b"")
    dry_run = models.BooleanField(_("dry run"))
    status = models.CharField(_("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    summary = models.JSONField(_("summary"), null=True, blank=True)
    rows = models.JSONField(_("outcome per row"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # The dry run this run applies ("Apply" on the page), if any.
    checked = models.ForeignKey(
        "self", verbose_name=_("checked as"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = requested_by_field()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ImportStatus.values), name="import_status_known"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
