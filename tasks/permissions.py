"""Who may request and read which documents (API.md "Documents", "Roles")."""

from rest_framework.permissions import BasePermission

from config.roles import Role, role_of
from tasks.models import DocumentKind

# Workshop leaders print their attendance lists; everything else is the coordinators'.
KIND_ROLES: dict[str, frozenset[Role]] = {
    DocumentKind.MEAL_ROSTER: frozenset({Role.COORDINATOR}),
    DocumentKind.WORKSHOP_ATTENDANCE: frozenset({Role.WORKSHOP, Role.COORDINATOR}),
    DocumentKind.MONTHLY_MEALS: frozenset({Role.COORDINATOR}),
}


def kinds_for(user) -> list[str]:
    """The kinds ``user`` may request and read, in display order."""
    role = role_of(user)
    return [kind for kind in DocumentKind.values if role in KIND_ROLES[kind]]


def may_request(user, kind: str) -> bool:
    return kind in kinds_for(user)


class MayRequestDocumentKind(BasePermission):
    """On POST, a known kind the user's role may not print is a 403; an unknown kind is left to validation (400)."""

    def has_permission(self, request, view):
        if request.method != "POST":
            return True
        kind = request.data.get("kind") if isinstance(request.data, dict) else None
        if not isinstance(kind, str) or kind not in DocumentKind.values:
            return True
        return may_request(request.user, kind)
