"""Every endpoint x every role x anonymous (and a user with no role), against the API's role table.

Anonymous: 401 on every API endpoint but token login, schema and docs; a redirect to the
login page on every staff page. A role the table does not name: 403. A role it names: never
401/403 (the request may still be refused for what it says: 400, 409, 422). Every answer,
refusals included, carries ``Cache-Control: no-store``.
"""

import pytest
from django.test import Client

from tests.security import figures
from tests.security.conftest import api_client_for
from tests.security.endpoints import api_operations, pages
from tests.security.permission_policy import API, PAGES, PUBLIC, PUBLIC_PAGES
from tests.support import nothing_changed

PRINCIPALS = ("anonymous", "no_role", "distribution", "workshop", "coordinator")
API_OPERATIONS = api_operations()
PAGES_FOUND = pages()


def _id(operation) -> str:
    endpoint, method = operation
    return f"{method} {endpoint.name}"


def test_every_api_operation_has_a_rule():
    found = {(endpoint.name, method) for endpoint, method in API_OPERATIONS}
    assert found - set(API) == set(), "new API operations: add them to tests/security/permission_policy.py"
    assert set(API) - found == set(), "the policy names operations that no longer exist"
    figures.counts["api_operations"] = len(found)
    figures.counts["principals"] = len(PRINCIPALS)


def test_every_staff_page_has_a_rule():
    found = {endpoint.name for endpoint in PAGES_FOUND} - PUBLIC_PAGES
    assert found - set(PAGES) == set(), "new staff pages: add them to tests/security/permission_policy.py"
    assert set(PAGES) - found == set(), "the policy names pages that no longer exist"
    figures.counts["pages"] = len(found)


def assert_private(response):
    assert "no-store" in response.get("Cache-Control", ""), "personal data must never be cached"


@pytest.mark.parametrize("operation", API_OPERATIONS, ids=_id)
def test_api_operation_answers_each_principal_as_the_role_table_says(operation, world, principals):
    endpoint, method = operation
    allowed = API[(endpoint.name, method)]
    url = endpoint.url(world)
    # Refusals first: whoever is refused must not have changed anything the allowed roles then see.
    for name in sorted(PRINCIPALS, key=lambda n: allowed == PUBLIC or n in allowed):
        with nothing_changed(unless=allowed == PUBLIC or name in allowed):
            response = getattr(api_client_for(principals[name]), method.lower())(url, {}, format="json")
        figures.add("api_checks")
        where = f"{method} {url} as {name}"
        if allowed == PUBLIC:
            assert response.status_code < 500, where
            continue
        assert_private(response)
        if name == "anonymous":
            assert response.status_code == 401, where
        elif name in allowed:
            assert response.status_code not in (401, 403) and response.status_code < 500, where
        else:
            assert response.status_code == 403, where
            assert response.json()["code"] in ("permission_denied", "not_authenticated"), where


def _page_cases():
    return [(endpoint, method) for endpoint in PAGES_FOUND if endpoint.name in PAGES for method in PAGES[endpoint.name]]


# A form that names what it asks for, where an empty one would be refused for asking for nothing.
PAGE_FORMS = {"tasks:document-list": lambda world: {"kind": "workshop_attendance", "session": world.started_session.pk}}


@pytest.mark.parametrize("case", _page_cases(), ids=_id)
def test_staff_page_answers_each_principal_as_the_role_table_says(case, world, principals):
    endpoint, method = case
    allowed = PAGES[endpoint.name][method]
    url = endpoint.url(world)
    data = PAGE_FORMS.get(endpoint.name, lambda world: {})(world) if method == "POST" else {}
    for name in sorted(PRINCIPALS, key=lambda n: n in allowed):
        client = Client()
        if principals[name] is not None:
            client.force_login(principals[name])
        with nothing_changed(unless=name in allowed):
            response = getattr(client, method.lower())(url, data)
        figures.add("page_checks")
        where = f"{method} {url} as {name}"
        assert_private(response)
        if name == "anonymous":
            assert response.status_code == 302, where
            assert response["Location"].startswith("/login/?next="), where
        elif name in allowed:
            assert response.status_code in (200, 302), where
            assert not response.get("Location", "").startswith("/login/"), where
        else:
            assert response.status_code == 403, where


def test_media_files_are_not_served_by_url(world, client, coordinator):
    """Documents are personal data: only the authenticated download view serves them."""
    client.force_login(coordinator)
    name = world.document.file.name
    for prefix in ("/media/", "/static/", "/"):
        assert client.get(prefix + name).status_code == 404
