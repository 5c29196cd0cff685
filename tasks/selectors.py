"""Reads of the documents app: lists a user may see, and which lists were printed today."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from beneficiaries.selectors import entitlement_periods_for_resident
from config.dates import day_bounds
from config.roles import may
from meals.selectors.retention import meal_issue_days_for_resident
from tasks.models import KIND_PARAMETER, Document, DocumentKind, DocumentStatus
from workshops.models import SessionStatus, WorkshopSession
from workshops.selectors import session_ids_for_resident

# How each kind of document names people (tasks.retention regenerates those naming a person):
# "day": the people entitled or served on its day; "session": a session's sign-ups; "month": the
# people served that month; None: figures only, nobody by name. A kind missing here is matched
# by its parameter (KIND_PARAMETER), so a new kind is never left out by mistake.
NAMES_PEOPLE_BY: dict[str, str | None] = {
    DocumentKind.MEAL_ROSTER: "day",
    DocumentKind.WORKSHOP_ATTENDANCE: "session",
    DocumentKind.MONTHLY_MEALS: "month",
}
_BY_PARAMETER = {"date": "day", "session": "session", "month": "month"}


def document_kinds_for(user) -> list[str]:
    """The kinds ``user`` may request and read (``documents.request:<kind>``, config.roles), in display order."""
    return [kind for kind in DocumentKind.values if may(user, f"documents.request:{kind}")]


def documents_for(user) -> QuerySet[Document]:
    """The documents of the kinds ``user`` may print (one query, whatever the page size)."""
    return Document.objects.filter(kind__in=document_kinds_for(user)).select_related("requested_by")


def latest_document(*, kind: str, subject: str) -> Document | None:
    """The newest document of ``kind`` about ``subject`` that did not fail (the one a request may reuse)."""
    documents = Document.objects.filter(kind=kind, subject=subject).exclude(status=DocumentStatus.FAILED)
    return documents.order_by("-created_at", "-id").first()


def outdated_ids(documents: list[Document]) -> set[int]:
    """Documents (newest first) printed from data that a newer one of the same list no longer has."""
    newest: dict[tuple[str, str], str] = {}
    outdated = set()
    for document in documents:
        key = (document.kind, document.subject)
        if key not in newest:
            newest[key] = document.fingerprint
        elif document.fingerprint != newest[key]:
            outdated.add(document.pk)
    return outdated


def documents_filtered(
    documents: QuerySet[Document],
    *,
    kind: str | None = None,
    day: datetime.date | None = None,
    created_on: datetime.date | None = None,
) -> QuerySet[Document]:
    """``day``: documents about that day (a monthly report: about its month)."""
    if kind:
        documents = documents.filter(kind=kind)
    if day:
        monthly = [kind for kind, name in KIND_PARAMETER.items() if name == "month"]
        documents = documents.filter(
            Q(subject_date=day) & ~Q(kind__in=monthly) | Q(subject_date=day.replace(day=1), kind__in=monthly)
        )
    if created_on:
        start, end = day_bounds(created_on)
        documents = documents.filter(created_at__gte=start, created_at__lt=end)
    return documents


def printed_today(documents: QuerySet[Document]) -> dict[str, datetime.datetime]:
    """ "kind:subject" -> when it was last downloaded today: the page warns before printing it again."""
    start, end = day_bounds(timezone.localdate())
    printed = documents.filter(last_downloaded_at__gte=start, last_downloaded_at__lt=end).order_by("last_downloaded_at")
    rows = printed.values_list("kind", "subject", "last_downloaded_at")
    return {f"{kind}:{subject}": at for kind, subject, at in rows}


def sessions_to_print(*, today: datetime.date) -> QuerySet[WorkshopSession]:
    """Sessions offered on the "Wydruki" page: from a week back to two months ahead, not cancelled."""
    start = day_bounds(today - datetime.timedelta(days=7))[0]
    end = day_bounds(today + datetime.timedelta(days=60))[1]
    return WorkshopSession.objects.filter(
        status=SessionStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end
    ).order_by("starts_at", "id")


def session_titles(documents: list[Document]) -> dict[str, str]:
    """Session id (as the documents' subject) -> title, in one query, for the page's labels."""
    ids = [int(d.subject) for d in documents if d.kind == DocumentKind.WORKSHOP_ATTENDANCE]
    if not ids:
        return {}
    return {str(pk): title for pk, title in WorkshopSession.objects.filter(pk__in=ids).values_list("pk", "title")}


def documents_naming_resident(*, resident_id: int) -> QuerySet[Document]:
    """Every stored document that lists the resident or may have listed them (a fixed number of queries).

    A day's list for every day of their entitlements and every day they were served, the
    attendance list of every session they signed up to, the report of every month they were served.
    """
    served_days = meal_issue_days_for_resident(resident_id=resident_id)
    on_their_days = Q(subject_date__in=served_days)
    for valid_from, valid_to in entitlement_periods_for_resident(resident_id=resident_id):
        on_their_days |= Q(subject_date__range=(valid_from, valid_to))
    matches = {
        "day": on_their_days,
        "session": Q(subject__in=[str(pk) for pk in session_ids_for_resident(resident_id=resident_id)]),
        "month": Q(subject_date__in={day.replace(day=1) for day in served_days}),
    }
    condition = Q(pk__in=[])
    for kind in DocumentKind:
        how = NAMES_PEOPLE_BY.get(kind, _BY_PARAMETER[KIND_PARAMETER[kind]])
        if how is not None:
            condition |= Q(kind=kind) & matches[how]
    return Document.objects.filter(condition).select_related("requested_by").order_by("created_at", "pk")


def documents_export_for_resident(*, resident_id: int) -> list[dict]:
    """The documents that list the resident (the right of access): what, about when, made by whom."""
    return [
        {
            "id": document.pk,
            "kind": document.kind,
            "subject": document.subject,
            "status": document.status,
            "created_at": document.created_at,
            "finished_at": document.finished_at,
            "requested_by": document.requested_by.get_username() if document.requested_by else None,
            "download_count": document.download_count,
        }
        for document in documents_naming_resident(resident_id=resident_id)
    ]
