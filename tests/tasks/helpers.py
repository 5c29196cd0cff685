"""Helpers for the documents tests: residents served or signed up, sessions, PDF text."""

import datetime
import io
from dataclasses import dataclass

from pypdf import PdfReader

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.support import WARSAW
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

SUNDAY = datetime.date(2026, 3, 8)
HOLIDAY = datetime.date(2026, 1, 6)  # Trzech Króli, a Tuesday
DOCUMENTS_URL = "/api/v1/documents/"
PESEL = "44051401359"


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def pdf_text(content: bytes) -> str:
    return "\n".join(pdf_pages(content))


def workshop_session(*, starts_at: datetime.datetime | None = None, **fields) -> WorkshopSession:
    starts_at = starts_at or datetime.datetime(2026, 3, 5, 10, 0, tzinfo=WARSAW)
    values = {
        "title": "Gotowanie z FEAD-em",
        "topic": Topic.COOKING,
        "ends_at": starts_at + datetime.timedelta(hours=3),
        "capacity": 10,
        "location": "Kuchnia CPS, ul. Kasprowicza 2",
    }
    values.update(fields)
    return WorkshopSession.objects.create(starts_at=starts_at, **values)


def sign_up(session: WorkshopSession, *, referral: str = "FEPŻ/1/2026", **resident_fields) -> Signup:
    """A confirmed sign-up of a resident referred (``referral``) on the session's day."""
    day = session.starts_at.astimezone(WARSAW).date()
    resident = eligible_resident(Program.FEAD, day=day, document_number=referral, **resident_fields)
    return Signup.objects.create(session=session, resident=resident, status=SignupStatus.CONFIRMED)


@dataclass(frozen=True)
class Row:
    """A hand-made roster row (the fields of meals.selectors.roster.RosterRow)."""

    last_name: str
    first_name: str
    document_number: str = "OPS.8220.1.2026"
    diet: tuple = ()
    allergies: str = ""
    issued_at: datetime.datetime | None = None
    takeaway: bool = False
    resident_id: int = 0
    card_number: str = ""
    birth_year: int | None = 1961
    district: str = "chorzow_stary"
