"""Reads of the workshops app: lists with counts, sheets, history and the monthly figures.

Every function fetches what it returns in a fixed number of queries, whatever the number of
sessions or sign-ups (the printing issue and the leader pages depend on that).
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from beneficiaries.models import Entitlement, EntitlementStatus, Program
from config.audit import audit_about
from config.dates import day_bounds, month_bounds
from config.roles import roles_with
from config.text import staff_name
from workshops.models import CancelReason, SessionStatus, Signup, SignupStatus, Topic, WorkshopSession

# --- Sessions ---------------------------------------------------------------------------------

# Who came, and who did not: a confirmed participant marked absent, or one whose place went to the
# waiting list at the door (the sign-up was cancelled for that, and still counts as a no-show).
ATTENDED = Q(status=SignupStatus.CONFIRMED, attended=True)
NO_SHOW = Q(status=SignupStatus.CONFIRMED, attended=False) | Q(
    status=SignupStatus.CANCELLED, cancel_reason=CancelReason.ABSENT
)


def held_sessions(*, now: datetime.datetime | None = None) -> QuerySet[WorkshopSession]:
    """Sessions that have taken place: not cancelled and already ended (the one meaning of "held"
    for figures and reports; a session still running or yet to come has not been held)."""
    return WorkshopSession.objects.filter(status=SessionStatus.SCHEDULED, ends_at__lte=now or timezone.now())


def sessions_before_today() -> QuerySet[WorkshopSession]:
    """Sessions not cancelled that started before today (Warsaw): a leader's "earlier sessions"."""
    today_start = day_bounds(timezone.localdate())[0]
    return WorkshopSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__lt=today_start)


def sessions_with_counts() -> QuerySet[WorkshopSession]:
    """Sessions annotated with ``confirmed_count`` and ``waitlist_count`` (one query for a list)."""
    return (
        WorkshopSession.objects.select_related("leader")
        .annotate(
            confirmed_count=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)),
            waitlist_count=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED)),
        )
        .order_by("starts_at", "id")
    )


def leader_candidates() -> QuerySet:
    """Users who may lead a session: those whose role manages workshops (superusers act as coordinators)."""
    groups = sorted(role.value for role in roles_with("workshops.manage"))
    return get_user_model().objects.filter(Q(groups__name__in=groups) | Q(is_superuser=True), is_active=True).distinct()


def sessions_between(
    queryset: QuerySet[WorkshopSession], *, first: datetime.date | None, last: datetime.date | None
) -> QuerySet[WorkshopSession]:
    """Sessions whose Warsaw start date lies in [first, last] (either end may be open)."""
    if first is not None:
        queryset = queryset.filter(starts_at__gte=day_bounds(first)[0])
    if last is not None:
        queryset = queryset.filter(starts_at__lt=day_bounds(last)[1])
    return queryset


def session_day(session: WorkshopSession) -> datetime.date:
    """The session's calendar day in Warsaw: what eligibility is checked for."""
    return timezone.localdate(session.starts_at)


def sessions_starting_on(*, day: datetime.date) -> list[int]:
    """Ids of scheduled (not cancelled) sessions whose Warsaw start date is ``day``."""
    start, end = day_bounds(day)
    return list(
        WorkshopSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "id")
        .values_list("id", flat=True)
    )


# --- Sign-ups ---------------------------------------------------------------------------------

_STATUS_ORDER = Case(
    When(status=SignupStatus.CONFIRMED, then=Value(0)),
    When(status=SignupStatus.WAITLISTED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def session_signups(*, session_id: int) -> QuerySet[Signup]:
    """A session's sign-ups: confirmed first, then the waiting list by position, cancelled last."""
    return (
        Signup.objects.filter(session_id=session_id)
        .select_related("resident")
        .annotate(status_order=_STATUS_ORDER)
        .order_by("status_order", "waitlist_position", "created_at", "id")
    )


def resident_signup_history(*, resident_id: int) -> QuerySet[Signup]:
    """Every sign-up of one resident, newest session first (no-shows included)."""
    return (
        Signup.objects.filter(resident_id=resident_id)
        .select_related("resident", "session", "session__leader")
        .order_by("-session__starts_at", "-id")
    )


def signups_export_for_resident(*, resident_id: int) -> list[dict]:
    """One resident's sign-ups with the session each was for (the right of access)."""
    rows = (
        Signup.objects.filter(resident_id=resident_id)
        .order_by("created_at", "pk")
        .values(
            "id",
            "session__title",
            "session__topic",
            "session__starts_at",
            "status",
            "waitlist_position",
            "attended",
            "created_at",
            "cancelled_at",
        )
    )
    return [{key.replace("session__", "session_"): value for key, value in row.items()} for row in rows]


def residents_signed_up_with(leader) -> QuerySet:
    """Ids of the residents signed up (confirmed or waiting) to a session ``leader`` leads.

    Their phone numbers are the leader's to see (config.roles ROW_GRANTS): they call those
    promoted from the waiting list.
    """
    active = Signup.objects.filter(session__leader_id=leader.pk).exclude(status=SignupStatus.CANCELLED)
    return active.values_list("resident_id", flat=True).distinct()


def session_ids_for_resident(*, resident_id: int) -> list[int]:
    """The sessions the resident ever signed up to (cancelled sign-ups too: earlier lists named them)."""
    return list(Signup.objects.filter(resident_id=resident_id).values_list("session_id", flat=True).distinct())


def signups_audit_filter_for_resident(*, resident_id: int) -> Q:
    """The audit events about the resident's sign-ups."""
    return audit_about(Signup, Signup.objects.filter(resident_id=resident_id).values_list("pk", flat=True))


@dataclass(frozen=True)
class ResidentRecord:
    """What a leader sees about a resident's past: held sessions attended and missed."""

    attended: int
    no_shows: int


def residents_records(*, resident_ids: list[int]) -> dict[int, ResidentRecord]:
    """Attendance record per resident over the sessions before today, in one query.

    Today's session is not "earlier": nobody is a no-show of a session still to come or running.
    """
    rows = (
        Signup.objects.filter(resident_id__in=resident_ids, session__in=sessions_before_today())
        .filter(ATTENDED | NO_SHOW)
        .values("resident_id")
        .annotate(present=Count("id", filter=ATTENDED), absent=Count("id", filter=NO_SHOW))
    )
    records = {rid: ResidentRecord(attended=0, no_shows=0) for rid in resident_ids}
    for row in rows:
        records[row["resident_id"]] = ResidentRecord(attended=row["present"], no_shows=row["absent"])
    return records


# --- Attendance sheet (printed "Lista obecności") --------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    last_name: str
    first_name: str
    document_number: str  # the resident's fead referral number valid on the session date ("" if none)
    attended: bool | None


@dataclass(frozen=True)
class AttendanceSheet:
    session_id: int
    title: str
    topic: str
    topic_label: str  # translated theme name
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str
    leader_name: str
    status: str
    rows: list[AttendanceRow]  # confirmed sign-ups, ordered by last name, first name


def referral_number_on(day: datetime.date):
    """Subquery: the resident's FEAD referral number covering ``day`` (an active one preferred)."""
    referrals = Entitlement.objects.filter(
        resident_id=OuterRef("resident_id"), program=Program.FEAD, valid_from__lte=day, valid_to__gte=day
    ).annotate(
        inactive=Case(
            When(status=EntitlementStatus.ACTIVE, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    )
    return Subquery(referrals.order_by("inactive", "-valid_from", "-id").values("document_number")[:1])


def attendance_sheet(*, session_id: int) -> AttendanceSheet:
    """Everything the attendance list prints, in two queries. Unknown id: WorkshopSession.DoesNotExist."""
    session = WorkshopSession.objects.select_related("leader").get(pk=session_id)
    signups = (
        Signup.objects.filter(session_id=session_id, status=SignupStatus.CONFIRMED)
        .select_related("resident")
        .annotate(referral_number=referral_number_on(session_day(session)))
        .order_by("resident__sort_name", "resident_id")
    )
    rows = [
        AttendanceRow(
            last_name=s.resident.last_name,
            first_name=s.resident.first_name,
            document_number=s.referral_number or "",
            attended=s.attended,
        )
        for s in signups
    ]
    return AttendanceSheet(
        session_id=session.pk,
        title=session.title,
        topic=session.topic,
        topic_label=str(Topic(session.topic).label),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        location=session.location,
        leader_name=leader_name(session),
        status=session.status,
        rows=rows,
    )


def leader_name(session: WorkshopSession) -> str:
    leader = session.leader
    if leader is None:
        return ""
    return staff_name(leader)


# --- Monthly figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyWorkshopFigures:
    year: int
    month: int
    sessions_per_topic: dict[str, int]  # held sessions (ended, not cancelled) per topic
    participants_per_topic: dict[str, int]  # distinct residents who attended, per topic
    distinct_participants: int  # distinct residents who attended any session
    attendances: int
    no_shows: int


def monthly_workshop_figures(*, year: int, month: int) -> MonthlyWorkshopFigures:
    """What the programme reports for a month (held sessions, by their Warsaw start date), in three queries."""
    start, end = month_bounds(year, month)
    held = held_sessions().filter(starts_at__gte=start, starts_at__lt=end)
    per_topic = dict(held.order_by().values_list("topic").annotate(n=Count("id")))
    counted = Signup.objects.filter(session__in=held).filter(ATTENDED | NO_SHOW)
    participants = dict(
        counted.filter(ATTENDED)
        .order_by()
        .values_list("session__topic")
        .annotate(n=Count("resident_id", distinct=True))
    )
    totals = counted.aggregate(
        distinct=Count("resident_id", distinct=True, filter=ATTENDED),
        attendances=Count("id", filter=ATTENDED),
        no_shows=Count("id", filter=NO_SHOW),
    )
    return MonthlyWorkshopFigures(
        year=year,
        month=month,
        sessions_per_topic={topic: per_topic.get(topic, 0) for topic in Topic.values},
        participants_per_topic={topic: participants.get(topic, 0) for topic in Topic.values},
        distinct_participants=totals["distinct"],
        attendances=totals["attendances"],
        no_shows=totals["no_shows"],
    )


# --- The accompanying-measures report (FEPŻ) ------------------------------------------------------


@dataclass(frozen=True)
class ThemeFigures:
    sessions: int  # held: ended and not cancelled
    attendances: int  # confirmed sign-ups marked present
    participants: int  # distinct residents present


@dataclass(frozen=True)
class HeldSession:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    topic: str
    title: str
    attendances: int


@dataclass(frozen=True)
class FeadReport:
    """One month and the year so far (from 1 January), by theme (Topic values in their order)."""

    year: int
    month: int
    month_by_topic: dict[str, ThemeFigures]
    year_by_topic: dict[str, ThemeFigures]
    month_total: ThemeFigures  # participants: distinct over every theme
    year_total: ThemeFigures
    sessions: list[HeldSession]  # the month's held sessions, in order


def fead_report(*, year: int, month: int, now: datetime.datetime) -> FeadReport:
    """Sessions held by ``now`` (ended, not cancelled) in the month and since 1 January: two queries."""
    month_start, month_end = month_bounds(year, month)
    year_start = month_bounds(year, 1)[0]
    held = held_sessions(now=now).filter(starts_at__gte=year_start, starts_at__lt=month_end)
    present = Q(signups__status=SignupStatus.CONFIRMED, signups__attended=True)
    sessions = list(held.annotate(attendances=Count("signups", filter=present)).order_by("starts_at", "id"))
    attended = list(
        Signup.objects.filter(session__in=held, status=SignupStatus.CONFIRMED, attended=True).values_list(
            "session__topic", "session__starts_at", "resident_id"
        )
    )
    in_month = [s for s in sessions if s.starts_at >= month_start]
    month_attended = [row for row in attended if row[1] >= month_start]
    return FeadReport(
        year=year,
        month=month,
        month_by_topic={topic: _theme(in_month, month_attended, topic) for topic in Topic.values},
        year_by_topic={topic: _theme(sessions, attended, topic) for topic in Topic.values},
        month_total=_theme(in_month, month_attended),
        year_total=_theme(sessions, attended),
        sessions=[HeldSession(s.starts_at, s.ends_at, s.topic, s.title, s.attendances) for s in in_month],
    )


def _theme(sessions: list, attended: list[tuple], topic: str | None = None) -> ThemeFigures:
    """The figures of one theme (every theme when ``topic`` is None)."""
    sessions = [s for s in sessions if topic in (None, s.topic)]
    attended = [row for row in attended if topic in (None, row[0])]
    return ThemeFigures(
        sessions=len(sessions),
        attendances=len(attended),
        participants=len({resident_id for _topic, _start, resident_id in attended}),
    )
