"""Refusals of the documents app, each with a stable code (rendered by config.exceptions)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from config.exceptions import DomainError


class DocumentError(DomainError):
    """A refusal about a document (rendered as ``{"code", "detail", ...}``)."""


def kind_not_allowed() -> DocumentError:
    return DocumentError(
        "permission_denied",
        _("Your role may not print this kind of document."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def not_ready(document_status: str) -> DocumentError:
    return DocumentError(
        "not_ready",
        _("The document is not ready: it is still being prepared, or it failed."),
        status_code=status.HTTP_409_CONFLICT,
        status=document_status,
    )


def no_such_file() -> DocumentError:
    """The document exists but has no file of the kind asked for (a CSV of a list without a table)."""
    return DocumentError(
        "not_found", _("This document has no file of this kind."), status_code=status.HTTP_404_NOT_FOUND
    )


def file_missing() -> DocumentError:
    return DocumentError(
        "file_missing",
        _("The document's file is no longer stored. Please request the document again."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


class BackupError(DomainError):
    """A backup or restore that cannot go on (tasks/backup.py); the commands print the message."""


def backup_installation_not_empty(*, users: int, residents: int, documents: int) -> BackupError:
    return BackupError(
        "installation_not_empty",
        _(
            "This installation already holds data (staff accounts: %(users)s, residents: %(residents)s, "
            "document files: %(documents)s); a restore would replace all of it. Restore into an empty "
            "installation, or run the restore again with --force to replace this data."
        )
        % {"users": users, "residents": residents, "documents": documents},
    )


def backup_archive_unreadable(*, path, reason) -> BackupError:
    return BackupError(
        "archive_unreadable",
        _("%(path)s is not a backup archive of this service (%(reason)s).") % {"path": path, "reason": reason},
    )


def backup_engine_mismatch(*, archive: str, installation: str) -> BackupError:
    return BackupError(
        "engine_mismatch",
        _("The archive holds a %(archive)s database, but this installation uses %(installation)s.")
        % {"archive": archive, "installation": installation},
    )


def backup_engine_unsupported(*, engine: str) -> BackupError:
    return BackupError(
        "engine_unsupported",
        _("Backups support PostgreSQL and SQLite, not %(engine)s.") % {"engine": engine},
    )


def backup_from_a_newer_release(*, migration: str) -> BackupError:
    return BackupError(
        "archive_from_a_newer_release",
        _(
            "The archive was made by a newer release of the service (it has migration %(migration)s, "
            "which this release does not know). Restore it with that release or a later one."
        )
        % {"migration": migration},
    )


def backup_tool_failed(*, tool: str, output: str) -> BackupError:
    return BackupError(
        "tool_failed",
        _("%(tool)s failed: %(output)s") % {"tool": tool, "output": output.strip()[-2000:]},
    )
