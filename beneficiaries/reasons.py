"""Eligibility reason codes (docs/api.md#eligibility-reason-codes) in words staff understand, per programme."""

from django.utils.translation import gettext_lazy as _

from beneficiaries.eligibility import Reason
from beneficiaries.models import Program

_COMMON = {
    Reason.INACTIVE_RESIDENT: _("the resident is marked inactive"),
    Reason.NOT_ON_WEEKDAY: _("the entitlement does not cover this weekday"),
    Reason.OUTSIDE_DISTRICT: _("lives outside Chorzów Stary and Maciejkowice"),
    Reason.POINT_CLOSED: _("the meal point is closed that day"),
}
_BY_PROGRAM = {
    Program.HOT_MEAL: {
        Reason.NO_ENTITLEMENT: _("no hot-meal decision"),
        Reason.NOT_STARTED: _("the decision has not started yet"),
        Reason.EXPIRED: _("the decision has expired"),
        Reason.SUSPENDED: _("the decision is suspended"),
    },
    Program.FEAD: {
        Reason.NO_ENTITLEMENT: _("no FEAD referral"),
        Reason.NOT_STARTED: _("the referral has not started yet"),
        Reason.EXPIRED: _("the referral has expired"),
        Reason.SUSPENDED: _("the referral is suspended"),
    },
}


def reason_label(code: str, program: str = Program.HOT_MEAL) -> str:
    """'entitlement_expired' -> 'the decision has expired' (translated); unknown codes as they are."""
    return str(_BY_PROGRAM.get(program, {}).get(code) or _COMMON.get(code) or code)


def reason_labels(codes: list[str], program: str = Program.HOT_MEAL) -> list[str]:
    return [reason_label(code, program) for code in codes]
