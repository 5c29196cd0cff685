"""Pages of the base: home (each role to its screen), health, the audit trail."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from config.forms import AuditFilterForm
from config.health import broker_ok, database_ok
from config.models import AuditEvent
from config.permissions import requires
from config.roles import HOME_URL_NAME, role_of
from config.selectors import audit_events_for_page, audit_lines


@login_required
def home(request):
    """Send each role to its own screen."""
    role = role_of(request.user)
    if role is None:
        return render(request, "config/no_role.html", status=403)
    return redirect(HOME_URL_NAME[role])


@requires("audit.read")
def audit_page(request):
    """The audit trail as sentences, 50 events a page; a filter that does not validate shows its error
    and no events (never the whole trail, as if it had matched)."""
    form = AuditFilterForm(request.GET)  # every filter is optional: no filter is a valid form
    events = audit_events_for_page(form.cleaned_data) if form.is_valid() else AuditEvent.objects.none()
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "config/audit.html",
        {"form": form, "page": page, "lines": audit_lines(list(page)), "query": query.urlencode()},
    )


AUDIT_PAGE_SIZE = 50


@require_GET
def healthz(request):
    database = database_ok()
    body = {"database": "ok" if database else "unavailable", "broker": "ok" if broker_ok() else "unavailable"}
    return JsonResponse(body, status=200 if database else 503)
