"""DRF permission classes, one per role combination used by the API (API.md "Roles")."""

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
