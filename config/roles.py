"""The three staff roles of docs/api.md and the ONE table of what each role may do and see.

Every "may this user ...?" in the project names a capability of :data:`RULES`: the API's
permission class and the pages' decorator (``config.permissions``), the templates' filter
(``{% if user|may:"audit.read" %}``, ``config.templatetags.roles``), the serializers' field
visibility (:func:`hidden_fields`) and the row-level rules the services own (``meals.services.may_void``
asks ``meals.void_any``). A view never compares roles itself. To let a role do something new,
change this table; the permission matrix in ``tests/security/permission_policy.py`` says what
the answer must be.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Kept as Django groups of the same names (created by a migration); a user has one role."""

    DISTRIBUTION = "distribution", _("Distribution-point staff")
    WORKSHOP = "workshop", _("Workshop leader")
    COORDINATOR = "coordinator", _("Coordinator")


DISTRIBUTION, WORKSHOP, COORDINATOR = Role.DISTRIBUTION, Role.WORKSHOP, Role.COORDINATOR
EVERY_ROLE = frozenset(Role)

# Documents by kind (tasks.models.DocumentKind): leaders print their attendance lists, the rest
# is the coordinators'. A kind missing here cannot be requested by anyone.
DOCUMENT_KINDS: dict[str, frozenset[Role]] = {
    "meal_roster": frozenset({COORDINATOR}),
    "workshop_attendance": frozenset({WORKSHOP, COORDINATOR}),
    "monthly_meals": frozenset({COORDINATOR}),
    "meal_serving_sheet": frozenset({COORDINATOR}),  # names diets and allergies: staff only, never signed
}

# capability -> the roles that have it (docs/api.md#roles and #residents).
RULES: dict[str, frozenset[Role]] = {
    # Residents: everyone who serves them looks them up; coordinators keep the register.
    "residents.read": EVERY_ROLE,  # search, the resident, entitlements, eligibility, streets, closure days
    "residents.write": frozenset({COORDINATOR}),  # register, edit, entitlements, reference data, cards
    "residents.data_subject": frozenset({COORDINATOR}),  # export one person's data, anonymise them
    # Which personal fields a role sees, in the API exactly as on the pages (FIELD_CAPABILITIES).
    "residents.see_pesel": frozenset({COORDINATOR}),
    "residents.see_notes": frozenset({COORDINATOR}),
    "residents.see_income": frozenset({COORDINATOR}),
    # Leaders call those promoted from the waiting list. docs/api.md narrows theirs to the people
    # signed up to a session: that row-level rule belongs with the workshops (issue 16).
    "residents.see_phone": frozenset({WORKSHOP, COORDINATOR}),
    "residents.see_health": EVERY_ROLE,  # diet and allergies: they serve food or run a kitchen
    # Hot meals: the counter and the day; a void of one's own issue of today is meals.issue too.
    "meals.issue": frozenset({DISTRIBUTION, COORDINATOR}),
    "meals.void_any": frozenset({COORDINATOR}),
    "meals.plan": frozenset({COORDINATOR}),  # the day's menu and portions
    # Workshops: leaders read and manage every session (the page lists their own by default).
    "workshops.manage": frozenset({WORKSHOP, COORDINATOR}),
    "workshops.assign_leader": frozenset({COORDINATOR}),
    # Enter the sign-ups and attendance of a session held on paper (entered after the fact).
    "workshops.record_held": frozenset({COORDINATOR}),  # name another user as a session's leader
    # Documents: the page and the API for whoever may print at least one kind, then per kind.
    "documents.read": frozenset().union(*DOCUMENT_KINDS.values()),
    **{f"documents.request:{kind}": roles for kind, roles in DOCUMENT_KINDS.items()},
    # The base.
    "audit.read": frozenset({COORDINATOR}),
    "admin.use": frozenset({COORDINATOR}),  # the Django admin for the project's own data
}

# Personal fields of a resident (and of their entitlements) -> the capability that shows them.
# The API drops a field its reader may not see (absent, as docs/api.md allows); the pages ask the
# same capability.
FIELD_CAPABILITIES: dict[str, str] = {
    "pesel": "residents.see_pesel",
    "notes": "residents.see_notes",
    "monthly_income": "residents.see_income",
    "household_size": "residents.see_income",
    "income_test": "residents.see_income",
    "phone": "residents.see_phone",
    "diet": "residents.see_health",
    "allergies": "residents.see_health",
}

# Where each role lands after logging in (URL names).
HOME_URL_NAME = {
    DISTRIBUTION: "meals:counter",
    WORKSHOP: "workshops:session-list",
    COORDINATOR: "beneficiaries:resident-list",
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
        role = COORDINATOR
    else:
        names = set(user.groups.values_list("name", flat=True))
        for candidate in (COORDINATOR, WORKSHOP, DISTRIBUTION):
            if candidate.value in names:
                role = candidate
                break
    user._cps_role = role
    return role


def may(user, capability: str) -> bool:
    """Does ``user``'s role have ``capability``? (An unknown capability is a programming error: KeyError.)"""
    return role_of(user) in RULES[capability]


def roles_with(capability: str) -> frozenset[Role]:
    return RULES[capability]


def hidden_fields(user) -> frozenset[str]:
    """The personal fields ``user`` may not see (all of them for no user)."""
    return frozenset(field for field, capability in FIELD_CAPABILITIES.items() if not may(user, capability))
