"""Reads of the documents app: lists a user may see, and which lists were printed today."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from config.dates import day_bounds
from config.roles import may
from tasks.models import MONTH_KINDS, Document, DocumentKind
from workshops.models import SessionStatus, WorkshopSession


def document_kinds_for(user) -> list[str]:
    """The kinds ``user`` may request and read (``documents.request:<kind>``, config.roles), in display order."""
    return [kind for kind in DocumentKind.values if may(user, f"documents.request:{kind}")]


def documents_for(user) -> QuerySet[Document]:
    """The documents of the kinds ``user`` may print (one query, whatever the page size)."""
    return Document.objects.filter(kind__in=document_kinds_for(user)).select_related("requested_by")


def documents_filtered(
    documents: QuerySet[Document],
    *,
    kind: str | None = None,
    day: datetime.date | None = None,
    created_on: datetime.date | None = None,
) -> QuerySet[Document]:
    """``day``: documents about that day (a report about a month: about its month)."""
    if kind:
        documents = documents.filter(kind=kind)
    if day:
        documents = documents.filter(
            Q(subject_date=day, kind__in=[DocumentKind.MEAL_ROSTER, DocumentKind.WORKSHOP_ATTENDANCE])
            | Q(subject_date=day.replace(day=1), kind__in=MONTH_KINDS)
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
