"""Staff pages of the meal point: the counter (check-in) and the day (who came, who did not)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_http_methods

from beneficiaries.models import DietTag, Program
from beneficiaries.reasons import reason_label
from config.permissions import requires
from config.roles import may
from meals.charts import days_chart
from meals.converters import parse_day
from meals.forms import DayPlanForm, MealPriceForm, PaperListForm
from meals.selectors.day import day_overview, days_counted
from meals.selectors.prices import meal_prices
from meals.serializers import REASON_CODES
from meals.services import meal_day_plan, meal_price_create, paper_list_enter


@requires("meals.issue")
@ensure_csrf_cookie
def counter(request):
    today = timezone.localdate()
    return render(request, "meals/counter.html", {"today": today, "counter_config": _counter_config(today)})


def _counter_config(today: datetime.date) -> dict:
    """Everything the counter's script needs: its URLs and the texts in the user's language.

    What the user may do with an issue comes with the issue (``may_void``), not from here.
    """
    return {
        "today": today.isoformat(),
        "urls": {
            "issues": reverse("api-meal-issues"),
            "check": reverse("api-meal-check"),
            "search": reverse("api-meal-residents"),
            "summary": reverse("api-meal-today"),
            "void": reverse("api-meal-issue-void", kwargs={"pk": 0}).replace("/0/", "/{id}/"),
        },
        "reasons": {code: reason_label(code, Program.HOT_MEAL) for code in REASON_CODES},
        "diets": {code: str(label) for code, label in DietTag.choices},
        "text": _counter_texts(),
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
        "offline": _("No connection to the server. The meal is NOT recorded yet – retrying automatically…"),
        "offlineIdle": _("No connection to the server."),
        "serverError": _("Server error. Retrying…"),
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
        "closure_label": _closure_label(overview.closure_reason),
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
        "is_today": day == timezone.localdate(),
    }
    return render(request, "meals/day.html", context)


def _redirect_to_picked_day(text: str):
    try:
        return redirect("meals:day-detail", day=parse_day(text))
    except ValueError:
        return redirect("meals:day")


def _closure_label(reason: str) -> str:
    labels = {"weekend": _("weekend"), "closure_day": _("closure day")}
    return labels.get(reason, reason)


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
            day = parse_day(request.GET.get("date") or "")
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
    context = {"overview": overview, "form": form, "closure_label": _closure_label(overview.closure_reason)}
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
