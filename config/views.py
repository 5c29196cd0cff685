"""Pages of the base: home (each role to its screen), health, the audit trail."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from config.health import broker_ok, database_ok
from config.permissions import requires
from config.roles import HOME_URL_NAME, role_of
from config.selectors import FILTERS, audit_events


@login_required
def home(request):
    """Send each role to its own screen."""
    role = role_of(request.user)
    if role is None:
        return render(request, "config/no_role.html", status=403)
    return redirect(HOME_URL_NAME[role])


@requires("audit.read")
def audit_page(request):
    page = Paginator(audit_events(request.GET), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "config/audit.html",
        {"page": page, "filters": {k: request.GET.get(k, "") for k in (*FILTERS, "actor")}},
    )


@require_GET
def healthz(request):
    database = database_ok()
    body = {"database": "ok" if database else "unavailable", "broker": "ok" if broker_ok() else "unavailable"}
    return JsonResponse(body, status=200 if database else 503)
