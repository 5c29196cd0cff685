"""What the schedule (tasks/schedule.py) creates, day by day; each call is safe to repeat."""

import datetime

from beneficiaries.calendar import point_is_open
from tasks.models import Document, DocumentKind
from tasks.services import document_schedule
from workshops.selectors import sessions_starting_on


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


def previous_month(day: datetime.date) -> tuple[int, int]:
    last_of_previous = day.replace(day=1) - datetime.timedelta(days=1)
    return last_of_previous.year, last_of_previous.month
