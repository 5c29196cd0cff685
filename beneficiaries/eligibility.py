"""The one eligibility rule of the service (docs/domain.md#eligibility; codes: docs/api.md#eligibility-reason-codes).

Meals, workshops and printed lists all ask :func:`check_eligibility` (one resident) or
:func:`residents_eligible_on` (everyone, as a queryset); both encode the same rule.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from beneficiaries.calendar import point_is_open
from beneficiaries.models import SERVED_DISTRICTS, Entitlement, EntitlementStatus, Program, Resident


class Reason:
    INACTIVE_RESIDENT = "inactive_resident"
    NO_ENTITLEMENT = "no_entitlement"
    NOT_STARTED = "entitlement_not_started"
    EXPIRED = "entitlement_expired"
    SUSPENDED = "entitlement_suspended"
    NOT_ON_WEEKDAY = "not_on_weekday"
    OUTSIDE_DISTRICT = "outside_district"
    POINT_CLOSED = "point_closed"


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    entitlement: Entitlement | None = None


def check_eligibility(
    *,
    resident: Resident,
    program: str,
    day: datetime.date,
    entitlements: list[Entitlement] | None = None,
    point_open: bool | None = None,
) -> Eligibility:
    """May ``resident`` receive ``program`` on ``day``? Lists every applicable reason when not.

    ``entitlements`` may be passed already fetched (all of the resident's, any programme), and
    ``point_open`` already decided (``calendar.closure_reason(day) is None``), to save queries
    on hot paths.
    """
    if entitlements is None:
        entitlements = list(resident.entitlements.filter(program=program))
    entitlements = [e for e in entitlements if e.program == program]
    reasons: list[str] = []
    if not resident.is_active:
        reasons.append(Reason.INACTIVE_RESIDENT)
    usable, entitlement_reasons = _entitlement_verdict(entitlements, day, weekday_matters=program == Program.HOT_MEAL)
    reasons.extend(entitlement_reasons)
    if program == Program.HOT_MEAL:
        if resident.district not in SERVED_DISTRICTS and not resident.homeless:
            reasons.append(Reason.OUTSIDE_DISTRICT)
        if not (point_is_open(day) if point_open is None else point_open):
            reasons.append(Reason.POINT_CLOSED)
    return Eligibility(eligible=not reasons, reasons=reasons, entitlement=usable)


def _entitlement_verdict(entitlements: list[Entitlement], day: datetime.date, *, weekday_matters: bool):
    """The entitlement that allows ``day``, or every reason why none does.

    The reasons are those of the entitlements that cover ``day`` when there are any (the
    decision in force explains the refusal), else of all of them; each entitlement contributes
    all of its failures, so a Monday-only decision that starts next month, asked about on a
    Thursday, gives both ``entitlement_not_started`` and ``not_on_weekday``. Weekdays bind
    hot-meal decisions only: a FEAD referral covers every day of its period (docs/domain.md).
    """
    if not entitlements:
        return None, [Reason.NO_ENTITLEMENT]
    verdicts = [(e, _failures(e, day, weekday_matters=weekday_matters)) for e in entitlements]
    for entitlement, failed in verdicts:
        if not failed:
            return entitlement, []
    covering = [failed for e, failed in verdicts if e.covers(day)] or [failed for _, failed in verdicts]
    found = set().union(*covering)
    return None, [reason for reason in _ENTITLEMENT_REASONS if reason in found]


# The order in which reasons are listed, the same for every caller.
_ENTITLEMENT_REASONS = (Reason.EXPIRED, Reason.NOT_STARTED, Reason.SUSPENDED, Reason.NOT_ON_WEEKDAY)


def _failures(entitlement: Entitlement, day: datetime.date, *, weekday_matters: bool) -> set[str]:
    """Every reason why this one entitlement does not allow ``day``."""
    failed = set()
    if entitlement.valid_from > day:
        failed.add(Reason.NOT_STARTED)
    if entitlement.valid_to < day:
        failed.add(Reason.EXPIRED)
    if entitlement.status == EntitlementStatus.SUSPENDED:
        failed.add(Reason.SUSPENDED)
    if weekday_matters and str(day.isoweekday()) not in entitlement.weekdays:
        failed.add(Reason.NOT_ON_WEEKDAY)
    return failed


def usable_entitlements(*, program: str, day: datetime.date) -> QuerySet[Entitlement]:
    """Entitlements that allow ``program`` on ``day`` (ignoring the resident and the point)."""
    entitlements = Entitlement.objects.filter(
        program=program, status=EntitlementStatus.ACTIVE, valid_from__lte=day, valid_to__gte=day
    )
    if program == Program.HOT_MEAL:
        entitlements = entitlements.filter(weekdays__contains=str(day.isoweekday()))
    return entitlements


def residents_eligible_on(*, program: str, day: datetime.date, point_open: bool | None = None) -> QuerySet[Resident]:
    """Everyone eligible for ``program`` on ``day``: the same rule as :func:`check_eligibility`.

    ``point_open``: whether the point is open that day, when the caller knows (else looked up).
    """
    if point_open is None:
        point_open = point_is_open(day)
    if program == Program.HOT_MEAL and not point_open:
        return Resident.objects.none()
    residents = Resident.objects.filter(
        is_active=True,
        id__in=usable_entitlements(program=program, day=day).values("resident_id"),
    )
    if program == Program.HOT_MEAL:
        residents = residents.filter(Q(district__in=SERVED_DISTRICTS) | Q(homeless=True))
    return residents
