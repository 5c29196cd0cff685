"""Who may do what: DRF permission classes for the API (API.md "Roles") and one decorator for pages."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from config.roles import Role, has_role


class _RolePermission(BasePermission):
    roles: tuple[Role, ...] = ()

    def has_permission(self, request, view):
        return has_role(request.user, *self.roles)


class IsStaffMember(_RolePermission):
    """Any of the three roles: read residents, day views, sessions."""

    roles = (Role.DISTRIBUTION, Role.WORKSHOP, Role.COORDINATOR)


class IsDistributionOrCoordinator(_RolePermission):
    roles = (Role.DISTRIBUTION, Role.COORDINATOR)


class IsWorkshopOrCoordinator(_RolePermission):
    roles = (Role.WORKSHOP, Role.COORDINATOR)


class IsCoordinator(_RolePermission):
    roles = (Role.COORDINATOR,)


def role_required(*roles: Role):
    """For staff pages: login required (else the login page), then one of ``roles`` (else 403)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return decorator
