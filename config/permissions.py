"""The role rules of ``config.roles`` applied to requests: one DRF permission class, one page decorator.

Both read the same declaration, ``capabilities``: one capability for every method
(``"meals.issue"``), or one per method (``{"GET": "residents.read", "*": "residents.write"}``:
``"*"`` is every method not named; HEAD and OPTIONS follow GET).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from config.roles import may

Capabilities = str | dict[str, str]


def capability_for(capabilities: Capabilities | None, method: str) -> str | None:
    """The capability a request with ``method`` needs; None when the view declares none for it."""
    if capabilities is None or isinstance(capabilities, str):
        return capabilities
    if method in capabilities:
        return capabilities[method]
    if method in ("HEAD", "OPTIONS") and "GET" in capabilities:
        return capabilities["GET"]
    return capabilities.get("*")


def request_may(request, capabilities: Capabilities | None) -> bool:
    capability = capability_for(capabilities, request.method)
    return capability is not None and may(request.user, capability)


class HasCapability(BasePermission):
    """The API's permission class (REST_FRAMEWORK's default): the view's ``capabilities`` decide.

    A view that declares none refuses everyone; a view open to all says so with its own
    ``permission_classes`` (the token login, the schema).
    """

    def has_permission(self, request, view):
        return request_may(request, getattr(view, "capabilities", None))


def requires(capabilities: Capabilities):
    """For staff pages: login required (else the login page), then the capability (else 403)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request_may(request, capabilities):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        checked.capabilities = capabilities
        return checked

    return decorator
