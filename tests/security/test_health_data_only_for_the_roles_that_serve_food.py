"""Diet and allergies (health data) reach only the roles docs/domain.md names: those who serve food or run workshops.

Every GET endpoint and staff page is read by every role; wherever the resident's diet or
allergies appear, the role must have config.roles' "residents.see_health". Narrowing that rule
in the future must not leave an endpoint that still shows them.
"""

import pytest
from django.test import Client

from config import roles
from tests.security.conftest import api_client_for
from tests.security.endpoints import api_operations, pages
from tests.security.permission_policy import API, PAGES, PUBLIC

# The world's resident: allergies "orzechy", diet ["diabetic"] (forms list every diet tag, so pages
# are checked by the allergies alone).
API_MARKERS = (b"orzechy", b'"diet":["diabetic"]')
PAGE_MARKERS = (b"orzechy",)
ROLE_NAMES = ("distribution", "workshop", "coordinator")


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def shows_health_data(response, markers=API_MARKERS) -> bool:
    body = body_of(response)
    return any(marker in body for marker in markers)


def test_the_roles_are_those_that_serve_food_or_run_workshops():
    assert {roles.Role.DISTRIBUTION, roles.Role.WORKSHOP, roles.Role.COORDINATOR} == roles.RULES["residents.see_health"]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_api_answer_with_health_data_goes_to_a_health_data_role(world, principals, role, monkeypatch):
    # Narrow the rule to everyone but this role: no endpoint may still show it health data.
    narrowed = roles.RULES["residents.see_health"] - {roles.Role(role)}
    monkeypatch.setitem(roles.RULES, "residents.see_health", narrowed)
    client = api_client_for(principals[role])
    leaks = []
    for endpoint, method in api_operations():
        allowed = API[(endpoint.name, method)]
        if method != "GET" or allowed == PUBLIC or role not in allowed:
            continue
        if shows_health_data(client.get(endpoint.url(world))):
            leaks.append(endpoint.name)
    assert not leaks or set(leaks) <= ALWAYS_HEALTH_DATA[role], leaks


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_page_with_health_data_goes_to_a_health_data_role(world, principals, role, monkeypatch):
    narrowed = roles.RULES["residents.see_health"] - {roles.Role(role)}
    monkeypatch.setitem(roles.RULES, "residents.see_health", narrowed)
    client = Client()
    client.force_login(principals[role])
    leaks = []
    for endpoint in pages():
        rule = PAGES.get(endpoint.name, {})
        if role not in rule.get("GET", ()):
            continue
        if shows_health_data(client.get(endpoint.url(world)), PAGE_MARKERS):
            leaks.append(endpoint.name)
    assert not leaks or set(leaks) <= ALWAYS_HEALTH_DATA[role], leaks


# The counter's own screens exist to serve food: docs/api.md fixes diet and allergies in them, and
# only the roles that serve food reach them (the permission matrix proves that). The export of
# one person's data (right of access) must hold everything, health data included.
COUNTER = {
    "api-meal-issues",
    "api-meal-day",
    "api-meal-offline-pack",  # the counter's list on its device, for serving offline
    "meals:counter",
    "meals:day",
    "meals:day-detail",
}
ALWAYS_HEALTH_DATA = {
    "distribution": COUNTER,
    "coordinator": COUNTER | {"api-resident-export"},
    "workshop": set(),
}
