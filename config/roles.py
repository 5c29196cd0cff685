"""The three staff roles of docs/api.md and the ONE table of what each role may do and see.

Every "may this user ...?" in the project names a capability of :data:`RULES`: the API's
permission class and the pages' decorator (``config.permissions``), the templates' filter
(``{% if user|may:"audit.read" %}``, ``config.templatetags.roles``), the serializers' field
visibility (:func:`hidden_fields`) and the row-level rules the services own (``meals.services.may_void``
asks ``meals.void_any``). A view never compares roles itself. To let a role do something new,
change this table; the permission matrix in ``tests/security/permission_policy.py`` says what
the answer must be.
"""

from collections.abc import Callable, Iterable

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
    "fead_report": frozenset({COORDINATOR}),  # for the partner organisation
    "meal_settlement": frozenset({COORDINATOR}),  # checked against the caterer's invoice
    "meal_serving_sheet": frozenset({COORDINATOR}),  # names diets and allergies: staff only, never signed
}

# capability -> the roles that have it (docs/api.md#roles and #residents).
RULES: dict[str, frozenset[Role]] = {
    # Residents: everyone who serves them looks them up; coordinators keep the register.
    "residents.read": EVERY_ROLE,  # search, the resident, entitlements, eligibility, streets, closure days
    "residents.write": frozenset({COORDINATOR}),  # register, edit, entitlements, reference data, cards
    "residents.data_subject": frozenset({COORDINATOR}),  # export one person's data, anonymise them
    "imports.run": frozenset({COORDINATOR}),  # import decisions from the case system's file (docs/imports.md)
    # Which personal fields a role sees, in the API exactly as on the pages (FIELD_CAPABILITIES).
    "residents.see_pesel": frozenset({COORDINATOR}),
    "residents.see_notes": frozenset({COORDINATOR}),
    "residents.see_income": frozenset({COORDINATOR}),
    "residents.see_phone": frozenset({COORDINATOR}),
    # Leaders call those promoted from the waiting list: they see the phone of the people signed
    # up to the sessions they lead, and no one else's (ROW_GRANTS; the rows come from workshops).
    "residents.see_phone_of_participants": frozenset({WORKSHOP}),
    "residents.see_health": EVERY_ROLE,  # diet and allergies: they serve food or run a kitchen
    # Hot meals: the counter and the day; a void of one's own issue of today is meals.issue too.
    "meals.issue": frozenset({DISTRIBUTION, COORDINATOR}),
    "meals.void_any": frozenset({COORDINATOR}),
    "meals.backdate": frozenset({COORDINATOR}),  # an issue on an earlier day (a signed paper list)
    "meals.plan": frozenset({COORDINATOR}),  # the day's menu and portions
    "meals.prices": frozenset({COORDINATOR}),  # the caterer's price of a meal, dated
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

# A field hidden from a role in general that it sees on some residents: field -> the capability
# that grants it row by row. Which rows is the owning app's rule, registered at start-up with
# :func:`register_row_grant` (workshops: the residents signed up to the user's sessions).
ROW_GRANTS: dict[str, str] = {"phone": "residents.see_phone_of_participants"}
_ROW_SOURCES: dict[str, Callable[[object], Iterable[int]]] = {}

# Where each role lands after logging in (URL names).
HOME_URL_NAME = {
    DISTRIBUTION: "meals:counter",
    WORKSHOP: "workshops:session-list",
    COORDINATOR: "meals:overview",
}


# A user in several groups acts in the highest of them.
ROLES_HIGHEST_FIRST = (COORDINATOR, WORKSHOP, DISTRIBUTION)


def role_of(user) -> Role | None:
    """The user's role, or None for anonymous users and users without one.

    Superusers act as coordinators. The group names are read once per request object (an API
    token's check reads them with the token: config.tokens.TokenAuthentication).
    """
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_cps_role", "unset")
    if cached == "unset":
        remember_role(user, user.groups.values_list("name", flat=True))
    return user._cps_role


def remember_role(user, group_names: Iterable[str]) -> None:
    """Cache on ``user`` the role its groups (``group_names``) give, for :func:`role_of`."""
    names = set(group_names)
    if user.is_superuser:
        role = COORDINATOR
    else:
        role = next((candidate for candidate in ROLES_HIGHEST_FIRST if candidate.value in names), None)
    user._cps_role = role


def may(user, capability: str) -> bool:
    """Does ``user``'s role have ``capability``? (An unknown capability is a programming error: KeyError.)"""
    return role_of(user) in RULES[capability]


def roles_with(capability: str) -> frozenset[Role]:
    return RULES[capability]


def register_row_grant(capability: str, rows: Callable[[object], Iterable[int]]) -> None:
    """``rows(user)``: the ids of the residents on whom ``capability`` (of ROW_GRANTS) shows its field."""
    _ROW_SOURCES[capability] = rows


def hidden_fields(user, resident_id: int | None = None) -> frozenset[str]:
    """The personal fields ``user`` may not see on the resident ``resident_id`` (all of them for no user).

    Without ``resident_id`` only the role counts: a field granted row by row stays hidden. The API
    (beneficiaries.serializers) and the pages (the ``hidden_fields`` template filter) both ask here.
    """
    return frozenset(
        field
        for field, capability in FIELD_CAPABILITIES.items()
        if not may(user, capability) and not _granted_on(user, ROW_GRANTS.get(field), resident_id)
    )


def _granted_on(user, capability: str | None, resident_id: int | None) -> bool:
    if capability is None or resident_id is None or not may(user, capability):
        return False
    return resident_id in _granted_rows(user, capability)


def _granted_rows(user, capability: str) -> frozenset[int]:
    """The rows, read once per request (cached on the user object, like the role)."""
    cache = user.__dict__.setdefault("_cps_row_grants", {})
    if capability not in cache:
        cache[capability] = frozenset(_ROW_SOURCES[capability](user))
    return cache[capability]
