"""Leader pages (Polish, tablet friendly): sessions, sign-ups, the waiting list and attendance.

Plain HTML forms, POST-redirect-GET; every rule lives in ``services`` and refusals come back
as messages on the page they were made from.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from beneficiaries.eligibility import residents_eligible_on
from beneficiaries.models import Program, Resident
from beneficiaries.reasons import reason_labels
from beneficiaries.selectors import resident_search
from config.permissions import requires
from config.roles import may
from workshops import selectors, services
from workshops.exceptions import WorkshopError
from workshops.forms import AttendanceForm, CapacityForm, MonthForm, SessionForm, SignupForm
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

SEARCH_LIMIT = 20


def _refused(request, error: WorkshopError) -> None:
    reasons = error.extra.get("reasons") or []
    text = str(error.detail)
    if reasons:
        text += " (" + ", ".join(reason_labels(reasons, Program.FEAD)) + ")"
    messages.error(request, text)


def _to_session(session_id: int, *, query: str = "", anchor: str = ""):
    url = reverse("workshops:session-detail", kwargs={"pk": session_id})
    if query:
        url += "?" + urlencode({"q": query})
    return redirect(url + (f"#{anchor}" if anchor else ""))


# --- Session list and creation ----------------------------------------------------------------


WHO = ("mine", "all")


@require_GET
@requires("workshops.manage")
def session_list(request):
    """Upcoming (or, with ?past=1, past) sessions with their counts: the user's own (?who=mine) or all (?who=all).

    Whoever manages workshops reads every session, as in the API; the filter only saves scrolling.
    Those who assign leaders plan for everyone and start with all, leaders with their own.
    """
    past = request.GET.get("past") == "1"
    who = request.GET.get("who")
    if who not in WHO:
        who = "all" if may(request.user, "workshops.assign_leader") else "mine"
    now = timezone.now()
    sessions = selectors.sessions_with_counts()
    sessions = sessions.filter(ends_at__lt=now).reverse() if past else sessions.filter(ends_at__gte=now)
    if who == "mine":
        sessions = sessions.filter(leader=request.user)
    context = {"sessions": sessions[:200], "past": past, "who": who, "show_leader": who == "all"}
    return render(request, "workshops/session_list.html", context)


@require_http_methods(["GET", "POST"])
@requires("workshops.manage")
def session_create(request):
    may_choose = may(request.user, "workshops.assign_leader")
    may_record_held = may(request.user, "workshops.record_held")
    form = SessionForm(request.POST or None, may_choose_leader=may_choose, may_record_held=may_record_held)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "held_on_paper"}
        session = services.session_create(by=request.user, **fields)
        messages.success(request, _("The session was created."))
        return _to_session(session.pk)
    return render(request, "workshops/session_form.html", {"form": form})


# --- One session ------------------------------------------------------------------------------


@require_GET
@requires("workshops.manage")
def session_detail(request, pk: int):
    session = get_object_or_404(selectors.sessions_with_counts(), pk=pk)
    signups = list(selectors.session_signups(session_id=pk))
    records = selectors.residents_records(resident_ids=[s.resident_id for s in signups])
    for signup in signups:
        signup.record = records[signup.resident_id]
    now = timezone.now()
    open_for_signups = session.sign_up_open(now) or session.paper_entry_open(request.user)
    context = {
        "session": session,
        "confirmed": [s for s in signups if s.status == SignupStatus.CONFIRMED],
        "waiting": [s for s in signups if s.status == SignupStatus.WAITLISTED],
        "cancelled": [s for s in signups if s.status == SignupStatus.CANCELLED],
        "open_for_signups": open_for_signups,
        "door_open": session.door_open(now),
        "attendance_open": session.attendance_open(now),
        "may_cancel": session.may_be_cancelled(signups),
        "query": request.GET.get("q", "")[:100],
        "capacity_form": CapacityForm(initial={"capacity": session.capacity}),
    }
    if open_for_signups:
        context["results"] = _search_results(context["query"], session, signups)
    context["counts"] = _attendance_counts(context["confirmed"])
    return render(request, "workshops/session_detail.html", context)


def _search_results(query: str, session: WorkshopSession, signups: list[Signup]) -> list[Resident]:
    """Residents matching the search, each marked eligible / already signed up (three queries)."""
    if not query.strip():
        return []
    residents = list(resident_search(text=query)[:SEARCH_LIMIT])
    ids = [r.pk for r in residents]
    day = selectors.session_day(session)
    eligible = set(residents_eligible_on(program=Program.FEAD, day=day).filter(pk__in=ids).values_list("pk", flat=True))
    active = {s.resident_id for s in signups if s.status != SignupStatus.CANCELLED}
    for resident in residents:
        resident.eligible = resident.pk in eligible
        resident.signed_up = resident.pk in active
    return residents


def _attendance_counts(confirmed: list[Signup]) -> dict:
    return {
        "present": sum(1 for s in confirmed if s.attended is True),
        "absent": sum(1 for s in confirmed if s.attended is False),
        "unmarked": sum(1 for s in confirmed if s.attended is None),
    }


@require_POST
@requires("workshops.manage")
def signup_create(request, pk: int):
    get_object_or_404(WorkshopSession, pk=pk)
    form = SignupForm(request.POST)
    query = request.POST.get("q", "")[:100]
    if not form.is_valid():
        messages.error(request, _("Choose a resident from the search results."))
        return _to_session(pk, query=query)
    resident = get_object_or_404(Resident, pk=form.cleaned_data["resident"])  # a forged choice: the page's 404
    try:
        signup = services.signup_create(session_id=pk, resident_id=resident.pk, by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    else:
        _announce_signup(request, signup)
    # Back to the same search: a leader often signs up several people from one family.
    return _to_session(pk, query=query)


def _announce_signup(request, signup: Signup) -> None:
    name = signup.resident.full_name
    if signup.status == SignupStatus.CONFIRMED:
        messages.success(request, _("%(name)s is signed up.") % {"name": name})
    else:
        text = _("The session is full: %(name)s is number %(position)d on the waiting list.")
        messages.warning(request, text % {"name": name, "position": signup.waitlist_position})


@require_POST
@requires("workshops.manage")
def signup_cancel(request, pk: int):
    signup = get_object_or_404(Signup, pk=pk)
    try:
        cancelled, promoted = services.signup_cancel(signup_id=pk, by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The sign-up of %(name)s was cancelled.") % {"name": cancelled.resident.full_name})
        if promoted is not None:
            text = _("%(name)s moved up from the waiting list and is now confirmed.")
            messages.success(request, text % {"name": promoted.resident.full_name})
    return _to_session(signup.session_id)


@require_POST
@requires("workshops.manage")
def signup_attendance(request, pk: int):
    signup = get_object_or_404(Signup, pk=pk)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose present or absent."))
        return _to_session(signup.session_id)
    try:
        services.signup_set_attendance(signup_id=pk, attended=form.cleaned_data["attended"], by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    return _to_session(signup.session_id, anchor=f"signup-{pk}")


@require_POST
@requires("workshops.manage")
def session_mark_all_present(request, pk: int):
    get_object_or_404(WorkshopSession, pk=pk)
    try:
        marked = services.session_mark_all_present(session_id=pk, by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Marked present: %(count)d.") % {"count": marked})
    return _to_session(pk)


@require_POST
@requires("workshops.manage")
def session_admit_at_door(request, pk: int):
    get_object_or_404(WorkshopSession, pk=pk)
    try:
        admitted, _absent = services.signup_admit_at_door(session_id=pk, by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    else:
        text = _("%(name)s took an absentee's place and is marked present.")
        messages.success(request, text % {"name": admitted.resident})
    return _to_session(pk)


@require_POST
@requires("workshops.manage")
def session_capacity(request, pk: int):
    get_object_or_404(WorkshopSession, pk=pk)
    form = CapacityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a number of places from 1 to 500."))
        return _to_session(pk)
    try:
        result = services.session_update(session_id=pk, by=request.user, capacity=form.cleaned_data["capacity"])
    except WorkshopError as error:
        _refused(request, error)
    else:
        text = _("Places changed. Moved up from the waiting list: %(count)d.")
        messages.success(request, text % {"count": len(result[1])})
    return _to_session(pk)


@require_POST
@requires("workshops.manage")
def session_cancel(request, pk: int):
    get_object_or_404(WorkshopSession, pk=pk)
    try:
        cancelled = services.session_cancel(session_id=pk, by=request.user)
    except WorkshopError as error:
        _refused(request, error)
    else:
        messages.warning(
            request, _("The session was cancelled, and so were its %(count)d sign-ups.") % {"count": len(cancelled)}
        )
    return _to_session(pk)


# --- A resident's history and the monthly figures ---------------------------------------------


@require_GET
@requires("workshops.manage")
def resident_history(request, pk: int):
    resident = get_object_or_404(Resident, pk=pk)
    history = list(selectors.resident_signup_history(resident_id=pk)[:500])
    confirmed = [s for s in history if s.status == SignupStatus.CONFIRMED]
    context = {"resident": resident, "history": history, "counts": _attendance_counts(confirmed)}
    return render(request, "workshops/resident_history.html", context)


@require_GET
@requires("workshops.manage")
def figures(request):
    today = timezone.localdate()
    form = MonthForm(request.GET or {"month": f"{today:%Y-%m}"})
    month = form.cleaned_data["month"] if form.is_valid() else today.replace(day=1)
    data = selectors.monthly_workshop_figures(year=month.year, month=month.month)
    rows = [
        (label, data.sessions_per_topic[value], data.participants_per_topic[value]) for value, label in Topic.choices
    ]
    return render(request, "workshops/figures.html", {"form": form, "figures": data, "rows": rows, "month": month})
