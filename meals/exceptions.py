"""The refusals of the meals app, each with the stable code of docs/api.md#hot-meals."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class MealError(DomainError):
    """A refusal at the counter (rendered as ``{"code", "detail", ...}``)."""


def unknown_resident() -> MealError:
    return MealError(
        "unknown_resident", _("No resident with this card or number."), status_code=status.HTTP_404_NOT_FOUND
    )


def not_eligible(reasons: list[str]) -> MealError:
    return MealError("not_eligible", _("Not eligible for a hot meal today."), reasons=reasons)


def already_issued(issue: dict) -> MealError:
    """``issue``: the non-voided issue in the way, as ``meals.services.issue_ref`` names it."""
    return MealError("already_issued", _("Already served today."), status_code=status.HTTP_409_CONFLICT, issue=issue)


def client_ref_reused(issue: dict) -> MealError:
    return MealError(
        "client_ref_reused",
        _("This client reference was already used for another resident."),
        status_code=status.HTTP_409_CONFLICT,
        issue=issue,
    )


def busy() -> MealError:
    return MealError(
        "busy", _("The meal could not be recorded, please try again."), status_code=status.HTTP_503_SERVICE_UNAVAILABLE
    )


def void_not_allowed() -> MealError:
    return MealError(
        "permission_denied",
        _("Counter staff may void only their own issues of today."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def already_voided() -> MealError:
    return MealError("already_voided", _("This issue was already voided."), status_code=status.HTTP_409_CONFLICT)


def earlier_day_not_allowed() -> MealError:
    return MealError(
        "earlier_day_not_allowed",
        _("Only a coordinator may record a meal on an earlier day."),
        status_code=status.HTTP_403_FORBIDDEN,
    )
