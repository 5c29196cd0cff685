"""Staff pages of the meal point: the counter (check-in) and the day (who came, who did not)."""

import datetime
import hashlib
import json
from pathlib import Path

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_http_methods

from beneficiaries.calendar import closure_label
from beneficiaries.models import DietTag, Program, Resident
from beneficiaries.reasons import reason_label
from config.permissions import requires
from config.roles import may
from meals.charts import days_chart
from meals.converters import meal_day
from meals.forms import DayPlanForm, MealPriceForm, PaperListForm
from meals.models import IssueSource
from meals.selectors.day import day_overview, days_counted
from meals.selectors.history import resident_meal_history
from meals.selectors.prices import meal_prices
from meals.serializers import REASON_CODES
from meals.services import meal_day_plan, meal_price_create, paper_list_enter


@requires("meals.issue")
@ensure_csrf_cookie
def counter(request):
    today = timezone.localdate()
    config = _counter_config(today, user=request.user)
    return render(request, "meals/counter.html", {"today": today, "counter_config": config})


# What the counter's service worker keeps so that the page opens without the network (docs/counter.md).
COUNTER_ASSETS = (
    "config/app.css",
    "meals/counter.css",
    "meals/offline.js",
    "meals/counter.js",
    "meals/counter.webmanifest",
    "meals/counter-icon.svg",
)


@requires("meals.issue")
def counter_service_worker(request):
    """The counter's service worker, served under /meals/counter/ so that its scope covers the counter.

    A view rather than a static file: the scope of a worker is its own folder, and the list of
    what it keeps comes from the URLs the project serves.
    """
    assets = [reverse("meals:counter"), *(static(path) for path in COUNTER_ASSETS)]
    context = {"assets": json.dumps(assets), "version": json.dumps(_assets_version())}
    return render(request, "meals/counter-sw.js", context, content_type="text/javascript; charset=utf-8")


def _assets_version() -> str:
    """Changes when a kept file changes: a new worker then replaces what the old one kept."""
    digest = hashlib.sha256()
    for path in COUNTER_ASSETS:
        digest.update(Path(finders.find(path)).read_bytes())
    return digest.hexdigest()[:12]


def _counter_config(today: datetime.date, *, user) -> dict:
    """Everything the counter's script needs: who is serving, its URLs and the texts in the user's language.

    What the user may do with an issue comes with the issue (``may_void``), not from here.
    """
    return {
        "today": today.isoformat(),
        "user": user.get_username(),  # the day's list and the queue on the device are kept per user
        "urls": {
            "issues": reverse("api-meal-issues"),
            "check": reverse("api-meal-check"),
            "search": reverse("api-meal-residents"),
            "summary": reverse("api-meal-today"),
            "offlinePack": reverse("api-meal-offline-pack"),
            "void": reverse("api-meal-issue-void", kwargs={"pk": 0}).replace("/0/", "/{id}/"),
            "counter": reverse("meals:counter"),
            "serviceWorker": reverse("meals:counter-service-worker"),
            "logout": reverse("logout"),
        },
        "reasons": {code: reason_label(code, Program.HOT_MEAL) for code in REASON_CODES},
        "diets": {code: str(label) for code, label in DietTag.choices},
        "sources": {code: str(label) for code, label in IssueSource.choices},
        "text": {**_counter_texts(), **_offline_texts()},
    }


def _counter_texts() -> dict:
    return {
        "mayEat": _("May eat"),
        "pressEnter": _("Press Enter (or the button) to issue the meal."),
        "alreadyServed": _("Already served at {time} by {who}"),
        "notEligible": _("Not eligible"),
        "served": _("Served at {time}"),
        "unknown": _("Unknown card or person"),
        "noMatch": _("Nobody found."),
        "chooseOne": _("Several people found: choose with the arrows and Enter, or tap."),
        "born": _("b. {year}"),
        "card": _("card {number}"),
        "sessionLost": _("Your session has ended or you may not do this. Log in again."),
        "saving": _("Saving…"),
        "issue": _("Issue meal (Enter)"),
        "summary": _("Served {issued} of {expected} expected"),
        "closed": _("The point is closed today."),
        "undo": _("Undo"),
        "confirmUndo": _("Confirm undo"),
        "cancel": _("Cancel"),
        "voidReason": _("Reason"),
        "defaultVoidReason": _("Issued by mistake"),
        "voided": _("Undone"),
        "takeaway": _("takeaway"),
        "collectedBy": _("collected by {name}"),
        "allergies": _("Allergies"),
        "noIssuesYet": _("No meals issued yet today."),
        "voidRefused": _("Could not undo: {detail}"),
    }


def _offline_texts() -> dict:
    return {
        "pressEnterOffline": _(
            "Enter (or the button) records the meal on this device; it is sent when the network returns."
        ),
        "alreadyQueued": _("Already served on this device at {time} (not sent yet)"),
        "alreadyServedPack": _("Already served at {time} (list on this device)"),
        "queued": _("Saved on this device, to be sent"),
        "queuedAt": _("Scanned at {time}. It is sent to the server when the network returns."),
        "notInPack": _("Not on today's list on this device"),
        "noMatchOffline": _("Nobody found on the list on this device."),
        "offlineAuto": _("No connection to the server: serving from the list on this device."),
        "offlineManual": _("Offline mode switched on by hand: serving from the list on this device."),
        "waiting": _("Waiting to be sent: {count}."),
        "goOffline": _("Work offline"),
        "goOnline": _("Back online"),
        "packAge": _("list from {time} ({count} people)"),
        "noPack": _("no list on this device yet"),
        "toSend": _("to be sent"),
        "conflict": _("Not recorded: already served at {time} by {who}"),
        "acknowledge": _("Noted"),
        "printTitle": _("Meal list of {day} (as of {time})"),
        "logoutWithQueue": _(
            "{count} meals served offline are not sent yet. They stay on this device and are sent when you "
            "log in here again. Log out anyway?"
        ),
    }


@requires({"GET": "meals.issue", "POST": "meals.plan"})
@require_http_methods(["GET", "POST"])
def day(request, day: datetime.date | None = None):
    """The day: expected, served, not yet served; the coordinator plans the menu and portions here."""
    if day is None and request.GET.get("date"):
        return _redirect_to_picked_day(request.GET["date"])
    day = day or timezone.localdate()
    form = DayPlanForm(request.POST) if request.method == "POST" else None
    if form is not None and form.is_valid():
        meal_day_plan(day=day, by=request.user, **form.cleaned_data)
        messages.success(request, _("The plan for the day was saved."))
        return redirect("meals:day-detail", day=day)
    overview = day_overview(day=day)
    if form is None and may(request.user, "meals.plan"):
        form = DayPlanForm(initial={name: getattr(overview.plan, name, None) for name in DayPlanForm.base_fields})
    context = {
        "overview": overview,
        "form": form,
        "closure_label": closure_label(overview.closure_reason),
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
        "is_today": day == timezone.localdate(),
    }
    return render(request, "meals/day.html", context)


def _redirect_to_picked_day(text: str):
    try:
        return redirect("meals:day-detail", day=meal_day(text))
    except ValueError:
        return redirect("meals:day")


HISTORY_PAGE_SIZE = 50


@requires("meals.issue")
def resident_history(request, pk: int):
    """Every meal of one resident, voided ones marked, newest first, a page at a time."""
    resident = get_object_or_404(Resident, pk=pk)
    page = Paginator(resident_meal_history(resident_id=pk), HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "meals/resident_history.html", {"resident": resident, "page": page})


@requires("meals.prices")
@require_http_methods(["GET", "POST"])
def prices(request):
    """The caterer's price of one meal from each date on; a new price is added, never edited."""
    form = MealPriceForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            meal_price_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("meals:prices")
    return render(request, "meals/prices.html", {"form": form, "prices": meal_prices()})


OVERVIEW_DAYS = 30


@requires("meals.plan")
def overview(request):
    """The coordinator's home: the last 30 days at the point, expected against served."""
    today = timezone.localdate()
    days = days_counted(first=today - datetime.timedelta(days=OVERVIEW_DAYS - 1), last=today)
    return render(request, "meals/overview.html", {"chart": days_chart(days), "days": days, "today": today})


@requires("meals.backdate")
@require_http_methods(["GET", "POST"])
def paper_list(request, day: datetime.date | None = None):
    """Enter a signed paper list afterwards: the day's roster in the printed order, with tick boxes."""
    today = timezone.localdate()
    if day is None:
        try:
            day = meal_day(request.GET.get("date") or "")
        except ValueError:
            day = today
        return redirect("meals:paper-list", day=day)
    if day > today:
        messages.error(request, _("A paper list can be entered only for today or an earlier day."))
        return redirect("meals:paper-list", day=today)
    overview = day_overview(day=day)
    waiting = [row.resident_id for row in overview.waiting_rows]
    form = PaperListForm(request.POST if request.method == "POST" else None, resident_ids=waiting)
    if form.is_bound and overview.open and form.is_valid() and _enter_paper_list(request, day, form):
        return redirect("meals:paper-list", day=day)
    context = {"overview": overview, "form": form, "closure_label": closure_label(overview.closure_reason)}
    return render(request, "meals/paper_list.html", context)


def _enter_paper_list(request, day: datetime.date, form: PaperListForm) -> bool:
    """Record the ticks; say what was entered and what was refused. False when nothing could be tried."""
    data = form.cleaned_data
    try:
        entry = paper_list_enter(by=request.user, day=day, at=data["at"], resident_ids=data["residents"])
    except ValidationError as error:
        form.add_error(None, error)
        return False
    if entry.entered:
        messages.success(request, _("Meals entered from the paper list: %(n)d.") % {"n": len(entry.entered)})
    for refusal in entry.refused.values():
        messages.error(request, str(refusal.detail))
    return True
