"""The API's error shapes (docs/api.md#conventions), produced in one place.

Domain apps raise a subclass of :class:`DomainError` with a stable ``code``, a translated
message and an HTTP status, built by the app's error factory (``<app>/exceptions.py``);
:func:`api_exception_handler` turns it into ``{"code": ..., "detail": ..., **extra}``.
Everything else keeps DRF's shapes, and any other DRF error also carries a ``code`` so a
client can branch on it. A URL naming a row that is not there (``get_object_or_404``) is
``{"code": "not_found", "detail"}``, the same answer as a URL that names nothing
(``config.errors``). The OpenAPI schema documents the envelope once: ``config.serializers.ErrorSerializer``.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

# What a 404 says, whatever found nothing: the view's get_object_or_404 or the URL resolver.
NOT_FOUND = _("Not found.")


class DomainError(Exception):
    """A refusal by the rules of the office, not a malformed request."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY

    def __init__(self, code: str, detail, *, status_code: int | None = None, **extra):
        super().__init__(str(detail))
        self.code = code
        self.detail = detail
        self.extra = extra
        if status_code is not None:
            self.status_code = status_code

    def as_dict(self) -> dict:
        return {"code": self.code, "detail": str(self.detail), **self.extra}


def api_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(exc.as_dict(), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):  # not Django's "No Resident matches the given query."
        exc = exceptions.NotFound(NOT_FOUND)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if not isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        response.data.setdefault("code", _code_of(exc))
    return response


def _code_of(exc) -> str:
    if isinstance(exc, PermissionDenied):
        return "permission_denied"
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    return codes if isinstance(codes, str) else "error"
