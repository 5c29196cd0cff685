"""Writes of the workshops app: sessions, sign-ups, the waiting list and attendance.

Every change to a session's places happens under the session's row lock
(``select_for_update`` inside ``transaction.atomic``), then counts: simultaneous sign-ups,
cancellations and capacity changes of one session run one after another, so confirmed
sign-ups never exceed the capacity and waiting-list positions stay 1..N.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beneficiaries.eligibility import check_eligibility
from beneficiaries.models import Program, Resident
from beneficiaries.selectors import resident_with_entitlements
from config.audit import audit_event, audit_record, audited_insert
from config.roles import may
from workshops import exceptions
from workshops.models import CancelReason, SessionStatus, Signup, SignupStatus, WorkshopSession
from workshops.selectors import session_day

# Waiting-list renumbering passes through positions above this offset, so that the partial
# unique index on (session, position), checked row by row, never sees a transient duplicate.
_RENUMBER_OFFSET = 1_000_000

SESSION_EDITABLE_FIELDS = ("title", "topic", "location", "starts_at", "ends_at", "capacity", "leader")


# --- Sessions ---------------------------------------------------------------------------------


def session_create(
    *,
    by,
    title: str,
    topic: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    location: str = "",
    leader=None,
) -> WorkshopSession:
    """A new session; its leader is ``by`` unless a coordinator names another one."""
    _check_leader(by=by, leader=leader)
    with transaction.atomic():
        session = WorkshopSession.objects.create(
            title=title,
            topic=topic,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            location=location,
            leader=leader or by,
            created_by=by,
        )
        audit_record(actor=by, action="workshop_session.create", obj=session, after=_session_state(session))
    return session


def session_update(*, session_id: int, by, **changes) -> tuple[WorkshopSession, list[Signup]]:
    """Edit a session; a higher capacity promotes as many waiting residents as now fit.

    Returns the session and the promoted sign-ups. Refuses a capacity below the confirmed
    count and moving a session with sign-ups to another day (their referrals were checked
    for that day).
    """
    unknown = set(changes) - set(SESSION_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _check_leader(by=by, leader=changes.get("leader"))
    with transaction.atomic():
        session = _locked_session(session_id)
        if session.status == SessionStatus.CANCELLED:
            raise exceptions.session_cancelled()
        before = _session_state(session)
        counts = _place_counts(session)
        _check_changes(session, changes, confirmed=counts["confirmed"], active=counts["confirmed"] + counts["waiting"])
        for field, value in changes.items():
            setattr(session, field, value)
        if changes:
            session.save(update_fields=list(changes))
        promoted = _promote(session, free=session.capacity - counts["confirmed"], by=by)
        audit_record(
            actor=by, action="workshop_session.update", obj=session, before=before, after=_session_state(session)
        )
    return session, promoted


def _check_leader(*, by, leader) -> None:
    """Naming someone else as the leader takes ``workshops.assign_leader`` (config.roles), in the API as on the page."""
    if leader is not None and leader != by and not may(by, "workshops.assign_leader"):
        raise exceptions.leader_not_assignable()


def _check_changes(session: WorkshopSession, changes: dict, *, confirmed: int, active: int) -> None:
    if changes.get("ends_at", session.ends_at) <= changes.get("starts_at", session.starts_at):
        raise ValidationError({"ends_at": [_("The end must be later than the start.")]})
    if "capacity" in changes and changes["capacity"] < confirmed:
        raise exceptions.capacity_below_confirmed(confirmed)
    new_start = changes.get("starts_at", session.starts_at)
    if active and timezone.localdate(new_start) != session_day(session):
        raise exceptions.date_change_with_signups()


def session_cancel(*, session_id: int, by) -> list[Signup]:
    """Cancel a session and every active sign-up of it; returns the sign-ups cancelled."""
    with transaction.atomic():
        session = _locked_session(session_id)
        if session.status == SessionStatus.CANCELLED:
            raise exceptions.session_cancelled()
        if not session.may_be_cancelled(session.signups.filter(attended__isnull=False)[:1]):
            raise exceptions.attendance_recorded()
        now = timezone.now()
        session.status, session.cancelled_at = SessionStatus.CANCELLED, now
        session.save(update_fields=["status", "cancelled_at"])
        active = list(session.signups.exclude(status=SignupStatus.CANCELLED).order_by("id"))
        for signup in active:
            _cancel_row(signup, by=by, now=now, reason=CancelReason.SESSION_CANCELLED)
        audit_record(actor=by, action="workshop_session.cancel", obj=session, after=_session_state(session))
    return active


# --- Sign-ups ---------------------------------------------------------------------------------


def signup_create(*, session_id: int, resident_id: int, by) -> Signup:
    """Sign the resident up: a confirmed place while there is one, else the end of the waiting list.

    Sign-ups of one session queue on its lock, so only what decides the place happens under
    it: the lock, one query for the places and the resident's active sign-up, one statement
    writing the sign-up and its audit event, the commit. The resident and their referrals are
    read before, in one query (they do not depend on the session), and judged under the lock
    for the session's day. A missing session is refused before an unknown resident.
    """
    found = resident_with_entitlements(program=Program.FEAD, resident_id=resident_id)
    if found is None:
        get_object_or_404(WorkshopSession, pk=session_id)
        raise exceptions.unknown_resident()
    resident, referrals = found
    with transaction.atomic():
        session = _locked_session(session_id)
        if not (session.sign_up_open(timezone.now()) or session.paper_entry_open(by)):
            raise exceptions.session_closed()
        places = _place_counts(session, resident=resident)
        if places["active_signup"] is not None:
            raise exceptions.already_signed_up(places["active_signup"])
        verdict = check_eligibility(
            resident=resident, program=Program.FEAD, day=session_day(session), entitlements=referrals
        )
        if not verdict.eligible:
            raise exceptions.not_eligible(verdict.reasons)
        return _insert_signup(session, resident, places=places, by=by)


def _insert_signup(session: WorkshopSession, resident: Resident, *, places: dict, by) -> Signup:
    if places["confirmed"] < session.capacity:
        status, position = SignupStatus.CONFIRMED, None
    else:
        status, position = SignupStatus.WAITLISTED, (places["last_position"] or 0) + 1
    signup = Signup(session=session, resident=resident, status=status, waitlist_position=position, created_by=by)
    event = audit_event(actor=by, action="signup.create", obj=signup, after=_signup_state(signup))
    if audited_insert(signup, event=event) is None:
        # Only reachable if a writer bypassed the session lock; the unique indexes still hold.
        raise exceptions.already_signed_up(None)
    return signup


def signup_cancel(*, signup_id: int, by) -> tuple[Signup, Signup | None]:
    """Cancel a sign-up before the session starts; a freed confirmed place goes to the first waiting.

    Returns the cancelled sign-up and the promoted one (or None).
    """
    session_id = Signup.objects.values_list("session_id", flat=True).get(pk=signup_id)
    with transaction.atomic():
        session = _locked_session(session_id)
        signup = Signup.objects.select_related("resident").get(pk=signup_id)
        if signup.status == SignupStatus.CANCELLED:
            raise exceptions.already_cancelled()
        if session.has_started(timezone.now()) and not session.paper_entry_open(by):
            raise exceptions.session_closed()
        was_confirmed, position = signup.status == SignupStatus.CONFIRMED, signup.waitlist_position
        _cancel_row(signup, by=by, now=timezone.now(), reason="")
        if was_confirmed:
            promoted = _promote(session, free=1, by=by)
        else:
            _close_gap(session, after=position, size=1)
            promoted = []
    return signup, (promoted[0] if promoted else None)


def _cancel_row(signup: Signup, *, by, now, reason: str) -> None:
    before = _signup_state(signup)
    signup.status, signup.waitlist_position, signup.cancel_reason = SignupStatus.CANCELLED, None, reason
    signup.cancelled_at, signup.cancelled_by, signup.attended = now, by, None
    signup.save(
        update_fields=["status", "waitlist_position", "cancel_reason", "cancelled_at", "cancelled_by", "attended"]
    )
    after = {**_signup_state(signup), "reason": reason} if reason else _signup_state(signup)
    audit_record(actor=by, action="signup.cancel", obj=signup, before=before, after=after)


def signup_admit_at_door(*, session_id: int, by) -> tuple[Signup, Signup]:
    """At the door: the place of a confirmed participant marked absent goes to the first waiting,
    who is marked present. Only from the start until WORKSHOP_DOOR_MINUTES after it.

    The absentee's sign-up is cancelled with the reason "absent" (it still counts as a no-show), so
    that confirmed sign-ups never exceed the capacity. Returns (the admitted, the absentee's).
    """
    with transaction.atomic():
        session = _locked_session(session_id)
        now = timezone.now()
        if not session.door_open(now):
            raise exceptions.door_closed()
        absent = session.signups.filter(status=SignupStatus.CONFIRMED, attended=False).order_by("id").first()
        if absent is None:
            raise exceptions.no_absent_place()
        if not session.signups.filter(status=SignupStatus.WAITLISTED).exists():
            raise exceptions.nobody_waiting()
        _cancel_row(absent, by=by, now=now, reason=CancelReason.ABSENT)
        (admitted,) = _promote(session, free=1, by=by)
        _mark(admitted, attended=True, by=by, now=now)
    return admitted, absent


# --- Waiting list (call with the session locked) -----------------------------------------------


def _promote(session: WorkshopSession, *, free: int, by) -> list[Signup]:
    """Give up to ``free`` confirmed places to the first on the waiting list, closing the gap."""
    if free <= 0:
        return []
    first = list(
        Signup.objects.filter(session=session, status=SignupStatus.WAITLISTED).order_by("waitlist_position")[:free]
    )
    for signup in first:
        before = _signup_state(signup)
        signup.status, signup.waitlist_position = SignupStatus.CONFIRMED, None
        signup.save(update_fields=["status", "waitlist_position"])
        audit_record(actor=by, action="signup.promote", obj=signup, before=before, after=_signup_state(signup))
    if first:
        _close_gap(session, after=0, size=len(first))
    return first


def _close_gap(session: WorkshopSession, *, after: int, size: int) -> None:
    """Move everyone waiting behind position ``after`` forward by ``size`` places."""
    waiting = Signup.objects.filter(session=session, status=SignupStatus.WAITLISTED)
    waiting.filter(waitlist_position__gt=after).update(waitlist_position=F("waitlist_position") + _RENUMBER_OFFSET)
    waiting.filter(waitlist_position__gt=_RENUMBER_OFFSET).update(
        waitlist_position=F("waitlist_position") - _RENUMBER_OFFSET - size
    )


def _locked_session(session_id: int) -> WorkshopSession:
    return get_object_or_404(WorkshopSession.objects.select_for_update(), pk=session_id)


def _place_counts(session: WorkshopSession, *, resident: Resident | None = None) -> dict:
    """Confirmed and waiting sign-ups, the last waiting position, and ``resident``'s active sign-up (its id or None).

    Read under the session's lock, where every sign-up of the session waits: raw SQL, because
    the ORM spent a quarter of a sign-up's CPU compiling this aggregate (bench/README.md, B4).
    """
    with connection.cursor() as cursor:
        cursor.execute(_PLACES_SQL, [resident.pk if resident else None, session.pk])
        confirmed, waiting, last_position, active_signup = cursor.fetchone()
    return {"confirmed": confirmed, "waiting": waiting, "last_position": last_position, "active_signup": active_signup}


def _places_sql() -> str:
    signup = Signup._meta
    status, position = (signup.get_field(name).column for name in ("status", "waitlist_position"))
    resident, session = (signup.get_field(name).column for name in ("resident", "session"))
    return f"""
        SELECT COUNT(*) FILTER (WHERE {status} = '{SignupStatus.CONFIRMED}'),
               COUNT(*) FILTER (WHERE {status} = '{SignupStatus.WAITLISTED}'),
               MAX({position}) FILTER (WHERE {status} = '{SignupStatus.WAITLISTED}'),
               MAX(id) FILTER (WHERE {resident} = %s AND {status} <> '{SignupStatus.CANCELLED}')
        FROM {signup.db_table} WHERE {session} = %s
    """  # noqa: S608  (names and statuses come from the model, values are parameters)


_PLACES_SQL = _places_sql()


# --- Attendance -------------------------------------------------------------------------------


def signup_set_attendance(*, signup_id: int, attended: bool, by) -> Signup:
    """Record (or correct) whether a confirmed participant came, from the session's start."""
    session_id = Signup.objects.values_list("session_id", flat=True).get(pk=signup_id)
    with transaction.atomic():
        # The session lock orders this after a concurrent cancellation of the session.
        session = _locked_session(session_id)
        signup = Signup.objects.get(pk=signup_id)
        if signup.status != SignupStatus.CONFIRMED:
            raise exceptions.not_confirmed()
        if not session.has_started(timezone.now()):
            raise exceptions.session_not_started()
        if signup.attended is not attended:
            _mark(signup, attended=attended, by=by, now=timezone.now())
    return signup


def session_mark_all_present(*, session_id: int, by) -> int:
    """Mark every confirmed participant not yet marked as present; returns how many were marked.

    Those already marked absent keep their mark: the leader corrects individuals, not the other way round.
    """
    with transaction.atomic():
        session = _locked_session(session_id)
        if session.status == SessionStatus.CANCELLED:
            raise exceptions.session_cancelled()
        if not session.has_started(timezone.now()):
            raise exceptions.session_not_started()
        unmarked = list(session.signups.filter(status=SignupStatus.CONFIRMED, attended__isnull=True).order_by("id"))
        now = timezone.now()
        for signup in unmarked:
            _mark(signup, attended=True, by=by, now=now)
    return len(unmarked)


def _mark(signup: Signup, *, attended: bool, by, now) -> None:
    before = {"attended": signup.attended}
    signup.attended, signup.attendance_marked_at, signup.attendance_marked_by = attended, now, by
    signup.save(update_fields=["attended", "attendance_marked_at", "attendance_marked_by"])
    audit_record(actor=by, action="signup.attendance", obj=signup, before=before, after={"attended": attended})


# --- Audit snapshots --------------------------------------------------------------------------


def _session_state(session: WorkshopSession) -> dict:
    return {
        "title": session.title,
        "topic": session.topic,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "capacity": session.capacity,
        "location": session.location,
        "leader": session.leader_id,
        "status": session.status,
    }


def _signup_state(signup: Signup) -> dict:
    return {
        "session": signup.session_id,
        "resident": signup.resident_id,
        "status": signup.status,
        "waitlist_position": signup.waitlist_position,
    }


def signups_anonymise_for_resident(*, resident_id: int) -> int:
    """Sign-ups hold nothing personal beyond the link to the (anonymised) resident: they all stay.

    Returns how many stay, for the record of the anonymisation.
    """
    return Signup.objects.filter(resident_id=resident_id).count()
