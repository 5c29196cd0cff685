"""From a document record to its files: fetch the data with one selector, hand it to one renderer."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from meals.selectors.figures import monthly_meal_figures
from meals.selectors.roster import meal_roster
from tasks.models import Document, DocumentFailure, DocumentKind
from tasks.rendering.attendance import render_attendance_sheet
from tasks.rendering.fead import render_fead_csv, render_fead_report
from tasks.rendering.monthly import render_monthly_csv, render_monthly_report
from tasks.rendering.roster import render_meal_roster
from tasks.rendering.wording import SCHEDULER
from workshops.models import WorkshopSession
from workshops.selectors import attendance_sheet, fead_report


@dataclass(frozen=True)
class ProducedFile:
    field: str  # the Document field: "file" or "csv_file"
    name: str
    content: bytes


class SubjectGone(Exception):
    """What the document is about no longer exists: retrying will not help."""

    def __init__(self, code: DocumentFailure):
        super().__init__(code)
        self.code = code


FILE_STEMS = {
    DocumentKind.MEAL_ROSTER: "lista-posilkow-{subject}",
    DocumentKind.WORKSHOP_ATTENDANCE: "lista-obecnosci-warsztat-{subject}",
    DocumentKind.MONTHLY_MEALS: "raport-posilki-{subject}",
    DocumentKind.FEAD_REPORT: "sprawozdanie-fepz-{subject}",
}


def download_name(document: Document, extension: str) -> str:
    """The file name a browser saves: ASCII, says what it is ("lista-posilkow-2026-01-05.pdf")."""
    stem = FILE_STEMS[DocumentKind(document.kind)].format(subject=document.subject)
    return f"{stem}.{extension}"


def printed_by(document: Document) -> str:
    user = document.requested_by
    if user is None:
        return SCHEDULER
    return user.get_full_name() or user.get_username()


def produce(document: Document) -> list[ProducedFile]:
    return PRODUCERS[DocumentKind(document.kind)](document)


def _meal_roster(document: Document) -> list[ProducedFile]:
    day = datetime.date.fromisoformat(document.subject)
    pdf = render_meal_roster(
        day=day,
        rows=meal_roster(day=day),
        point_name=settings.MEAL_POINT_NAME,
        printed_at=timezone.now(),
        printed_by=printed_by(document),
    )
    return [ProducedFile("file", download_name(document, "pdf"), pdf)]


def _workshop_attendance(document: Document) -> list[ProducedFile]:
    try:
        sheet = attendance_sheet(session_id=int(document.subject))
    except WorkshopSession.DoesNotExist:
        raise SubjectGone(DocumentFailure.SESSION_NOT_FOUND)
    pdf = render_attendance_sheet(sheet=sheet, printed_at=timezone.now(), printed_by=printed_by(document))
    return [ProducedFile("file", download_name(document, "pdf"), pdf)]


def _monthly_meals(document: Document) -> list[ProducedFile]:
    year, month = _month(document.subject)
    figures = monthly_meal_figures(year=year, month=month)
    pdf = render_monthly_report(
        figures=figures, point_name=settings.MEAL_POINT_NAME, printed_at=timezone.now(), printed_by=printed_by(document)
    )
    return [
        ProducedFile("file", download_name(document, "pdf"), pdf),
        ProducedFile("csv_file", download_name(document, "csv"), render_monthly_csv(figures=figures)),
    ]


def _month(subject: str) -> tuple[int, int]:
    year, month = (int(part) for part in subject.split("-"))
    return year, month


def _fead_report(document: Document) -> list[ProducedFile]:
    year, month = _month(document.subject)
    report = fead_report(year=year, month=month, now=timezone.now())
    pdf = render_fead_report(report=report, printed_at=timezone.now(), printed_by=printed_by(document))
    return [
        ProducedFile("file", download_name(document, "pdf"), pdf),
        ProducedFile("csv_file", download_name(document, "csv"), render_fead_csv(report=report)),
    ]


PRODUCERS = {
    DocumentKind.MEAL_ROSTER: _meal_roster,
    DocumentKind.WORKSHOP_ATTENDANCE: _workshop_attendance,
    DocumentKind.MONTHLY_MEALS: _monthly_meals,
    DocumentKind.FEAD_REPORT: _fead_report,
}
