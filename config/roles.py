"""The three staff roles of API.md, kept as Django groups (created by a migration).

A user has one role. Everything that asks "may this user ...?" goes through this module or
the DRF permission classes in ``config.permissions``, never an inline check in a view.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DISTRIBUTION = "distribution", _("Distribution-point staff")
    WORKSHOP = "workshop", _("Workshop leader")
    COORDINATOR = "coordinator", _("Coordinator")


# Roles that serve food or run workshops may see diet and allergies (health data, RODO).
HEALTH_DATA_ROLES = frozenset({Role.DISTRIBUTION, Role.WORKSHOP, Role.COORDINATOR})

# Where each role lands after logging in (URL names).
HOME_URL_NAME = {
    Role.DISTRIBUTION: "meals:counter",
    Role.WORKSHOP: "workshops:session-list",
    Role.COORDINATOR: "beneficiaries:resident-list",
}


def role_of(user) -> Role | None:
    """The user's role, or None for anonymous users and users without one.

    Superusers act as coordinators. The group names are read once per request object.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_cps_role", "unset")
    if cached != "unset":
        return cached
    role = None
    if user.is_superuser:
        role = Role.COORDINATOR
    else:
        names = set(user.groups.values_list("name", flat=True))
        for candidate in (Role.COORDINATOR, Role.WORKSHOP, Role.DISTRIBUTION):
            if candidate.value in names:
                role = candidate
                break
    user._cps_role = role
    return role


def has_role(user, *roles: Role) -> bool:
    return role_of(user) in roles


def may_see_health_data(user) -> bool:
    return role_of(user) in HEALTH_DATA_ROLES
