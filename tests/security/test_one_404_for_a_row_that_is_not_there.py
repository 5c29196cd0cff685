"""A URL naming a row that is not there gets one answer: 404, under /api/ ``{"code": "not_found", "detail"}``.

Every endpoint and page with an id in its path is found by walking the URL resolver, and
called, by a coordinator (who may call them all), with an id nobody has: small, and past the
database's integer range. The OpenAPI schema documents the same 404 for each of them.
"""

import pytest
from django.urls import reverse

from tests.security.conftest import api_client_for
from tests.security.endpoints import api_operations, pages
from tests.security.permission_policy import PAGES
from tests.support import logged_in_client, nothing_changed

UNKNOWN_IDS = (987_654_321, 10**20)
ERROR_ENVELOPE = {"$ref": "#/components/schemas/Error"}


def _with_id(endpoint, world, pk: int) -> str:
    kwargs = world.kwargs_for(set(endpoint.kwargs), endpoint.name)
    return reverse(endpoint.name, kwargs={**kwargs, "pk": pk})


def _id(case) -> str:
    endpoint, method = case
    return f"{method} {endpoint.name}"


API_CASES = [(endpoint, method) for endpoint, method in api_operations() if "pk" in endpoint.kwargs]
PAGE_CASES = [
    (endpoint, method) for endpoint in pages() if "pk" in endpoint.kwargs for method in PAGES.get(endpoint.name, {})
]


def test_the_resolver_finds_the_endpoints_with_an_id():
    assert len(API_CASES) >= 20
    assert len(PAGE_CASES) >= 10


@pytest.mark.parametrize("case", API_CASES, ids=_id)
def test_an_unknown_id_in_an_api_url_is_404_not_found(case, world, principals):
    endpoint, method = case
    client = api_client_for(principals["coordinator"])
    for pk in UNKNOWN_IDS:
        with nothing_changed():
            response = getattr(client, method.lower())(_with_id(endpoint, world, pk), {})

        assert response.status_code == 404, (method, endpoint.name, pk)
        assert response.json() == {"code": "not_found", "detail": "Nie znaleziono."}, (method, endpoint.name)


@pytest.mark.parametrize("case", PAGE_CASES, ids=_id)
def test_an_unknown_id_in_a_page_url_is_404(case, world, principals):
    endpoint, method = case
    client = logged_in_client(principals["coordinator"])

    with nothing_changed():
        response = getattr(client, method.lower())(_with_id(endpoint, world, UNKNOWN_IDS[0]), {})

    assert response.status_code == 404, (method, endpoint.name)


def test_the_schema_documents_that_404_in_the_one_error_envelope(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    undocumented = []
    for endpoint, method in API_CASES:
        path = "/" + endpoint.route.replace("<int:pk>", "{id}")
        answer = schema["paths"][path][method.lower()]["responses"].get("404", {})
        if answer.get("content", {}).get("application/json", {}).get("schema") != ERROR_ENVELOPE:
            undocumented.append(f"{method} {path}")
    assert not undocumented
