"""The refusals of the workshops app, each with the stable code of docs/api.md#workshops."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class WorkshopError(DomainError):
    """A refusal by the workshop rules (rendered as ``{"code", "detail", ...}``)."""


def session_closed() -> WorkshopError:
    return WorkshopError("session_closed", _("Sign-ups are closed: the session has started or was cancelled."))


def session_cancelled() -> WorkshopError:
    return WorkshopError("session_cancelled", _("The session was cancelled."))


def not_eligible(reasons: list[str]) -> WorkshopError:
    return WorkshopError(
        "not_eligible", _("The resident has no active FEAD referral on the session's date."), reasons=reasons
    )


def already_signed_up(signup_id: int | None) -> WorkshopError:
    return WorkshopError(
        "already_signed_up",
        _("The resident is already signed up for this session."),
        status_code=status.HTTP_409_CONFLICT,
        signup=signup_id,
    )


def already_cancelled() -> WorkshopError:
    return WorkshopError(
        "already_cancelled", _("The sign-up was already cancelled."), status_code=status.HTTP_409_CONFLICT
    )


def not_confirmed() -> WorkshopError:
    return WorkshopError("not_confirmed", _("Attendance is recorded only for confirmed sign-ups."))


def session_not_started() -> WorkshopError:
    return WorkshopError("session_not_started", _("Attendance can be recorded from the start of the session."))


def capacity_below_confirmed(confirmed: int) -> WorkshopError:
    return WorkshopError(
        "capacity_below_confirmed",
        _("The capacity cannot be lower than the number of confirmed participants (%(count)d).") % {"count": confirmed},
        confirmed_count=confirmed,
    )


def date_change_with_signups() -> WorkshopError:
    return WorkshopError(
        "date_change_with_signups",
        _("The session has sign-ups: it cannot be moved to another day. Cancel it and create a new one."),
    )


def attendance_recorded() -> WorkshopError:
    return WorkshopError("attendance_recorded", _("Attendance has already been recorded: the session took place."))


def unknown_resident() -> WorkshopError:
    return WorkshopError("unknown_resident", _("No resident with this id."), status_code=status.HTTP_404_NOT_FOUND)


def leader_not_assignable() -> WorkshopError:
    return WorkshopError(
        "permission_denied",
        _("Only a coordinator may make someone else the leader of a session."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def door_closed() -> WorkshopError:
    return WorkshopError(
        "door_closed", _("Places go to those waiting only from the start until a few minutes after it.")
    )


def no_absent_place() -> WorkshopError:
    return WorkshopError(
        "no_absent_place",
        _("No place is free: mark the confirmed participants who did not come as absent first."),
        status_code=status.HTTP_409_CONFLICT,
    )


def nobody_waiting() -> WorkshopError:
    return WorkshopError("nobody_waiting", _("Nobody is on the waiting list."), status_code=status.HTTP_409_CONFLICT)
