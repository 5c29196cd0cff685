"""Refusals of the documents app, each with a stable code (rendered by config.exceptions)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class DocumentError(DomainError):
    pass


def not_ready(document_status: str) -> DocumentError:
    return DocumentError(
        "not_ready",
        _("The document is not ready: it is still being prepared, or it failed."),
        status_code=status.HTTP_409_CONFLICT,
        status=document_status,
    )


def file_missing() -> DocumentError:
    return DocumentError(
        "file_missing",
        _("The document's file is no longer stored. Please request the document again."),
        status_code=status.HTTP_404_NOT_FOUND,
    )
