"""Refusals of the beneficiaries app (rendered by config.exceptions.api_exception_handler)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class EditConflict(DomainError):
    """Someone else saved the resident after this editor loaded it (API.md: 409 edit_conflict)."""

    def __init__(self, *, current_version: int):
        super().__init__(
            "edit_conflict",
            _("Someone else has changed this resident in the meantime. Reload and make your change again."),
            status_code=status.HTTP_409_CONFLICT,
            current_version=current_version,
        )


class BeneficiaryError(DomainError):
    """A refusal by the rules about residents (rendered as ``{"code", "detail", ...}``)."""


def already_anonymised() -> BeneficiaryError:
    return BeneficiaryError(
        "already_anonymised", _("This person's data was already anonymised."), status_code=status.HTTP_409_CONFLICT
    )
