"""The refusals of the beneficiaries app, each with a stable code (rendered by config.exceptions)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class BeneficiaryError(DomainError):
    """A refusal by the rules about residents (rendered as ``{"code", "detail", ...}``)."""


class EditConflict(BeneficiaryError):
    """Someone else saved the resident after this editor loaded it: the edit page shows it on the form."""


def edit_conflict(*, current_version: int) -> EditConflict:
    return EditConflict(
        "edit_conflict",
        _("Someone else has changed this resident in the meantime. Reload and make your change again."),
        status_code=status.HTTP_409_CONFLICT,
        current_version=current_version,
    )


def entitlement_running() -> BeneficiaryError:
    return BeneficiaryError(
        "entitlement_running",
        _(
            "The data cannot be erased while an entitlement is current or starts later: it is needed "
            "for the assistance being provided (RODO art. 17(3)(b))."
        ),
        status_code=status.HTTP_409_CONFLICT,
    )


def already_anonymised() -> BeneficiaryError:
    return BeneficiaryError(
        "already_anonymised", _("This person's data was already anonymised."), status_code=status.HTTP_409_CONFLICT
    )
