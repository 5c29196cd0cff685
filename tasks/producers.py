"""From a document record to its files: fetch the data with one selector, hand it to one renderer.

The same data gives the same fingerprint: a request reuses a document only while it is current.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from config.text import staff_name
from meals.selectors.figures import monthly_meal_figures
from meals.selectors.programme import programme_figures
from meals.selectors.roster import meal_roster
from meals.selectors.settlement import meal_settlement
from tasks.models import Document, DocumentFailure, DocumentKind
from tasks.rendering.attendance import render_attendance_sheet
from tasks.rendering.fead import render_fead_csv, render_fead_report
from tasks.rendering.fepz import Programme
from tasks.rendering.monthly import render_monthly_csv, render_monthly_report
from tasks.rendering.roster import render_meal_roster
from tasks.rendering.serving import render_serving_sheet
from tasks.rendering.settlement import render_settlement, render_settlement_csv
from tasks.rendering.wording import SCHEDULER
from workshops.models import WorkshopSession
from workshops.selectors import attendance_sheet, fead_report


@dataclass(frozen=True)
class ProducedFile:
    field: str  # the Document field: "file" or "csv_file"
    name: str
    content: bytes


@dataclass(frozen=True)
class Produced:
    files: list[ProducedFile]
    fingerprint: str  # of the data the files were made from (data_fingerprint)


class SubjectGone(Exception):
    """What the document is about no longer exists: retrying will not help."""

    def __init__(self, code: DocumentFailure):
        super().__init__(code)
        self.code = code


FILE_STEMS = {
    DocumentKind.MEAL_ROSTER: "lista-posilkow-{subject}",
    DocumentKind.WORKSHOP_ATTENDANCE: "lista-obecnosci-warsztat-{subject}",
    DocumentKind.MONTHLY_MEALS: "raport-posilki-{subject}",
    DocumentKind.MEAL_SERVING_SHEET: "lista-wydawania-diety-{subject}",
    DocumentKind.FEAD_REPORT: "sprawozdanie-fepz-{subject}",
    DocumentKind.MEAL_SETTLEMENT: "rozliczenie-posilkow-{subject}",
}


def download_name(document: Document, extension: str) -> str:
    """The file name a browser saves: ASCII, says what it is ("lista-posilkow-2026-01-05.pdf")."""
    stem = FILE_STEMS[DocumentKind(document.kind)].format(subject=document.subject)
    return f"{stem}.{extension}"


def printed_by(document: Document) -> str:
    user = document.requested_by
    if user is None:
        return SCHEDULER
    return staff_name(user)


def produce(document: Document) -> Produced:
    """The files of ``document`` and the fingerprint of the data they were made from."""
    kind = KINDS[DocumentKind(document.kind)]
    data = _data(kind, document.subject)
    return Produced(files=kind.render(document, data), fingerprint=_digest(data))


def data_fingerprint(*, kind: str, subject: str) -> str:
    """What a document of ``kind`` about ``subject`` would print now, as a short digest.

    Two requests with the same digest would print the same list (except the print time), so the
    second may reuse the first's document (docs/printing.md#a-list-is-never-out-of-date).
    """
    return _digest(_data(KINDS[DocumentKind(kind)], subject))


def _data(kind: "Kind", subject: str):
    # Texts the selectors translate (a theme's label) in one language, whoever asks.
    with translation.override(settings.LANGUAGE_CODE):
        return kind.data(subject)


def _digest(data) -> str:
    """The selectors return dataclasses, lists and dicts of plain values: their repr is stable."""
    return hashlib.sha256(repr(data).encode()).hexdigest()


def _day(subject: str) -> datetime.date:
    return datetime.date.fromisoformat(subject)


def _roster_data(subject: str):
    return meal_roster(day=_day(subject))


def _sheet_data(subject: str):
    try:
        return attendance_sheet(session_id=int(subject))
    except WorkshopSession.DoesNotExist:
        raise SubjectGone(DocumentFailure.SESSION_NOT_FOUND)


def _month(subject: str) -> tuple[int, int]:
    year, month = (int(part) for part in subject.split("-"))
    return year, month


def _monthly_data(subject: str):
    """The month's figures, and the programme's (their cost comes from the month's settlement)."""
    year, month = _month(subject)
    settlement = meal_settlement(year=year, month=month)
    return monthly_meal_figures(year=year, month=month), programme_figures(
        year=year, month=month, settlement=settlement
    )


def _settlement_data(subject: str):
    year, month = _month(subject)
    return meal_settlement(year=year, month=month)


def _fead_data(subject: str):
    """Sessions held by now: the report changes when a session ends, is cancelled or gets attendance."""
    year, month = _month(subject)
    return fead_report(year=year, month=month, now=timezone.now())


def _pdf(document: Document, content: bytes) -> ProducedFile:
    return ProducedFile("file", download_name(document, "pdf"), content)


def _csv(document: Document, content: bytes) -> ProducedFile:
    return ProducedFile("csv_file", download_name(document, "csv"), content)


def _meal_roster(document: Document, rows) -> list[ProducedFile]:
    return [_pdf(document, render_meal_roster(day=_day(document.subject), rows=rows, **_printed(document)))]


def _serving_sheet(document: Document, rows) -> list[ProducedFile]:
    return [_pdf(document, render_serving_sheet(day=_day(document.subject), rows=rows, **_printed(document)))]


def _fepz() -> Programme:
    return Programme(
        subprogramme=settings.FEPZ_SUBPROGRAMME, partner=settings.FEPZ_PARTNER, logo_file=settings.FEPZ_LOGO_FILE
    )


def _workshop_attendance(document: Document, sheet) -> list[ProducedFile]:
    pdf = render_attendance_sheet(
        sheet=sheet, printed_at=timezone.now(), printed_by=printed_by(document), programme=_fepz()
    )
    return [_pdf(document, pdf)]


def _monthly_meals(document: Document, data) -> list[ProducedFile]:
    figures, programme = data
    return [
        _pdf(document, render_monthly_report(figures=figures, programme=programme, **_printed(document))),
        _csv(document, render_monthly_csv(figures=figures, programme=programme)),
    ]


def _meal_settlement(document: Document, settlement) -> list[ProducedFile]:
    return [
        _pdf(document, render_settlement(settlement=settlement, **_printed(document))),
        _csv(document, render_settlement_csv(settlement=settlement)),
    ]


def _fead_report(document: Document, report) -> list[ProducedFile]:
    pdf = render_fead_report(
        report=report, printed_at=timezone.now(), printed_by=printed_by(document), programme=_fepz()
    )
    return [_pdf(document, pdf), _csv(document, render_fead_csv(report=report))]


def _printed(document: Document) -> dict:
    return {"point_name": settings.MEAL_POINT_NAME, "printed_at": timezone.now(), "printed_by": printed_by(document)}


@dataclass(frozen=True)
class Kind:
    data: Callable[[str], object]  # the subject -> what the selector returns
    render: Callable[[Document, object], list[ProducedFile]]


KINDS = {
    DocumentKind.MEAL_ROSTER: Kind(_roster_data, _meal_roster),
    DocumentKind.MEAL_SERVING_SHEET: Kind(_roster_data, _serving_sheet),
    DocumentKind.WORKSHOP_ATTENDANCE: Kind(_sheet_data, _workshop_attendance),
    DocumentKind.MONTHLY_MEALS: Kind(_monthly_data, _monthly_meals),
    DocumentKind.FEAD_REPORT: Kind(_fead_data, _fead_report),
    DocumentKind.MEAL_SETTLEMENT: Kind(_settlement_data, _meal_settlement),
}
