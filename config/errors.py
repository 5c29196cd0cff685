"""Errors raised before any API view runs still answer in the API's shape under /api/.

Django handles an unknown URL (the resolver, a path converter refusing "2026-02-30"), a body
over DATA_UPLOAD_MAX_MEMORY_SIZE and an unhandled exception itself, with HTML pages. A client
of the API gets ``{"code", "detail"}`` JSON instead; staff pages keep Django's pages.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

from config.exceptions import NOT_FOUND
from config.middleware import UnprintableInput
from config.text import UNPRINTABLE_MESSAGE

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _json(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "detail": detail}, status=status)


def bad_request(request, exception):
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return _json("request_too_large", _("The request body is too large."), 413)
    if isinstance(exception, UnprintableInput):  # DRF's validation shape, as the JSON parser's
        return JsonResponse({exception.field: [str(UNPRINTABLE_MESSAGE)]}, status=400)
    return _json("bad_request", _("The request could not be understood."), 400)


def page_not_found(request, exception):
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    return _json("not_found", str(NOT_FOUND), 404)


def server_error(request):
    if not _is_api(request):
        return defaults.server_error(request)
    return _json("server_error", _("Something went wrong on our side; please try again."), 500)
