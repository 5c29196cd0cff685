"""Permissions are written one way: every endpoint and page names capabilities of config.roles.RULES.

What each role may call is the permission matrix's business (tests/security/); these tests keep
the mechanism single: no view decides by itself, no rule is left unused, and no code outside
config.roles compares roles.
"""

import re
from pathlib import Path

import pytest
from rest_framework.permissions import AllowAny, IsAuthenticated

from config import roles
from config.permissions import HasCapability, capability_for
from tasks.models import DocumentKind
from tests.security.endpoints import all_endpoints, api_operations
from tests.security.permission_policy import API, PUBLIC, PUBLIC_PAGES, SIGNED_IN

ROOT = Path(__file__).resolve().parents[2]
APPS = ("config", "beneficiaries", "meals", "workshops", "tasks", "demo")
# The landing page sends each role to its own screen: it reads the role, it grants nothing.
LANDING = {"home"}


def _view_class(endpoint):
    return getattr(endpoint.callback, "cls", None) or getattr(endpoint.callback, "view_class", None)


def _declared(capabilities) -> set[str]:
    if capabilities is None:
        return set()
    return {capabilities} if isinstance(capabilities, str) else set(capabilities.values())


def test_every_api_operation_needs_a_capability_of_the_table_unless_it_is_public():
    for endpoint, method in api_operations():
        view = _view_class(endpoint)
        permissions = view().get_permissions()
        if API[(endpoint.name, method)] == PUBLIC:
            assert not any(isinstance(p, HasCapability) for p in permissions), endpoint.name
            continue
        if API[(endpoint.name, method)] == SIGNED_IN:
            assert [type(p) for p in permissions] == [IsAuthenticated], endpoint.name
            continue
        assert [type(p) for p in permissions] == [HasCapability], f"{endpoint.name}: one permission class"
        capability = capability_for(getattr(view, "capabilities", None), method)
        assert capability in roles.RULES, f"{method} {endpoint.name} declares no capability of config.roles"


def test_every_staff_page_is_guarded_by_the_same_table():
    for endpoint in all_endpoints():
        if endpoint.is_api or endpoint.name in PUBLIC_PAGES | LANDING:
            continue
        declared = _declared(getattr(endpoint.callback, "capabilities", None))
        assert declared, f"{endpoint.name}: guard it with @requires(...) (config.permissions)"
        assert declared <= set(roles.RULES), endpoint.name


def test_a_public_operation_is_public_on_purpose():
    public = [endpoint for endpoint, method in api_operations() if API[(endpoint.name, method)] == PUBLIC]
    for endpoint in public:
        permissions = _view_class(endpoint)().get_permissions()
        assert permissions == [] or all(isinstance(p, AllowAny) for p in permissions), endpoint.name


def test_every_document_kind_has_exactly_one_rule():
    kinds = {name.split(":", 1)[1] for name in roles.RULES if name.startswith("documents.request:")}
    assert kinds == set(DocumentKind.values)
    assert roles.RULES["documents.read"] == frozenset().union(*(roles.DOCUMENT_KINDS.values()))


def _project_sources() -> dict[Path, str]:
    files = {}
    for app in APPS:
        for pattern in ("*.py", "*.html", "*.js"):
            for path in (ROOT / app).rglob(pattern):
                if "migrations" not in path.parts:
                    files[path] = path.read_text(encoding="utf-8")
    return files


def test_every_rule_of_the_table_is_asked_somewhere():
    sources = "\n".join(text for path, text in _project_sources().items() if path.name != "roles.py")
    # The personal fields' rules are asked through hidden_fields (the API's serializers, the pages' filter).
    assert "hidden_fields(" in sources and "|hidden_fields:" in sources
    through_fields = {*roles.FIELD_CAPABILITIES.values(), *roles.ROW_GRANTS.values()}
    unused = [
        name
        for name in roles.RULES
        if not name.startswith("documents.request:") and name not in through_fields and f'"{name}"' not in sources
    ]
    assert not unused, f"rules nobody asks: {unused}"


# Role names compared in code (Role.COORDINATOR, "coordinator", user_role ...) instead of a capability.
INLINE_ROLE_CHECK = re.compile(
    r"has_role|is_coordinator|user_role|role_of\(|Role\.(DISTRIBUTION|WORKSHOP|COORDINATOR)"
    r"|==\s*[\"'](distribution|workshop|coordinator)[\"']"
)
# The table itself, the landing page (which reads the role to pick a screen) and the command
# that gives a user a role.
MAY_NAME_ROLES = {"config/roles.py", "config/views.py", "config/management/commands/create_staff_user.py"}


@pytest.mark.parametrize("suffix", [".py", ".html", ".js"])
def test_no_view_template_or_script_compares_roles_itself(suffix):
    offenders = [
        str(path.relative_to(ROOT))
        for path, text in _project_sources().items()
        if path.suffix == suffix
        and str(path.relative_to(ROOT)) not in MAY_NAME_ROLES
        and INLINE_ROLE_CHECK.search(text)
    ]
    assert not offenders, f"ask config.roles (may / requires / user|may) instead: {offenders}"


def test_may_knows_no_user_and_no_unknown_capability(coordinator):
    assert roles.may(None, "residents.read") is False
    assert roles.may(coordinator, "audit.read") is True
    with pytest.raises(KeyError):
        roles.may(coordinator, "residents.reed")
