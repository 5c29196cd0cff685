"""The coordinators' "Wydruki" page: today's documents, request, follow, download, regenerate.

The page works without JavaScript (forms post here, then redirect); with it, requests go to the
JSON API and each pending document's state is polled until it is ready, without a reload.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from config.dates import day_text, previous_month
from config.permissions import requires
from tasks import exceptions, selectors, services
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.serializers import DocumentRequestSerializer

TODAY_LIMIT = 200
FORM_FIELDS = ("kind", "date", "session", "month")


@requires("documents.read")
@require_http_methods(["GET", "POST"])
def document_list(request):
    if request.method == "POST":
        return _request_from_form(request)
    return render(request, "tasks/document_list.html", _context(request))


def _request_from_form(request):
    data = {name: request.POST[name] for name in FORM_FIELDS if request.POST.get(name)}
    asked = DocumentRequestSerializer(data=data)
    if not asked.is_valid():
        for errors in asked.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect("tasks:document-list")
    try:
        requested = services.document_request(**asked.validated_data, by=request.user)
    except exceptions.DocumentError:  # a kind the role may not print: refused as the API refuses it
        raise PermissionDenied
    if requested.queued is False:
        messages.warning(
            request, _("The document is recorded but the queue is unavailable; it will be prepared later.")
        )
    else:
        messages.success(request, _("The document is being prepared; it will appear below when it is ready."))
    return redirect("tasks:document-list")


def _context(request) -> dict:
    today = timezone.localdate()
    mine = selectors.documents_for(request.user)
    documents = list(selectors.documents_filtered(mine, created_on=today)[:TODAY_LIMIT])
    titles = selectors.session_titles(documents)
    kinds = selectors.document_kinds_for(request.user)
    outdated = selectors.outdated_ids(documents)
    year, month = previous_month(today)
    return {
        "rows": [
            {
                "document": d,
                "label": document_label(d, titles),
                "key": f"{d.kind}:{d.subject}",
                "outdated": d.pk in outdated,
            }
            for d in documents
        ],
        "sessions": selectors.sessions_to_print(today=today) if DocumentKind.WORKSHOP_ATTENDANCE in kinds else [],
        "today": today,
        "last_month": f"{year:04d}-{month:02d}",
        "page_config": _page_config(mine, kinds),
        "Status": DocumentStatus,
    }


def document_label(document: Document, session_titles: dict[str, str]) -> str:
    """What the page calls a document: its kind and what it is about."""
    kind = document.get_kind_display()
    if document.kind == DocumentKind.WORKSHOP_ATTENDANCE:
        title = session_titles.get(document.subject, f"#{document.subject}")
        return f"{kind} – {title}, {day_text(document.subject_date)}"
    if document.param_name == "month":
        return f"{kind} – {document.subject}"  # as the month picker shows it
    return f"{kind} – {day_text(document.subject_date)}"


def _page_config(documents, kinds: list[str]) -> dict:
    """What the page's script needs: the API's URL, the kinds the user may request (the server's rule),
    what was printed today, texts in the user's language."""
    printed = selectors.printed_today(documents)
    return {
        "api": reverse("api-document-list"),
        "kinds": kinds,
        "printedToday": {key: _clock(at) for key, at in printed.items()},
        "clock": _seconds_since_midnight(timezone.localtime()),
        "status": {value: str(label) for value, label in DocumentStatus.choices},
        "text": {
            "again": _("This list was already printed today at %(time)s. Print it again?"),
            "download": _("Download PDF"),
            "downloadCsv": _("Download CSV"),
            "regenerate": _("Generate again"),
            "outdated": _("outdated: the data changed since"),
            "failed": _("The request failed."),
            "network": _("No connection to the server. Try again."),
            "notQueued": _("The queue is unavailable; the document will be prepared later."),
        },
    }


def _clock(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def _seconds_since_midnight(moment: datetime.datetime) -> int:
    """The Warsaw time of day in seconds: the page's script counts on from it, never from the browser's zone."""
    return moment.hour * 3600 + moment.minute * 60 + moment.second
