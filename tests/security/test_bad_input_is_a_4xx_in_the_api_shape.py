"""Hostile input to every API operation (and staff page): never a 5xx, every API refusal in the API's shape.

Oversized bodies, NUL bytes, huge integers in URLs and bodies, impossible dates, broken JSON
and wrong content types, sent by a coordinator (who may call everything) to each operation
the URL resolver knows.
"""

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.security.endpoints import api_operations, pages
from tests.security.permission_policy import PAGES
from tests.security.test_fuzzing_the_api_from_its_schema import is_api_shaped
from tests.support import nothing_changed

HUGE = 10**30
OPERATIONS = [(e, m) for e, m in api_operations() if e.name not in ("schema", "api-docs")]
NUL_QUERY = dict.fromkeys(("search", "q", "card", "program", "kind", "action", "object_id", "actor"), "a\x00b")
BAD_DATES = {"date": "2026-02-30", "from": "2026-02-30", "to": "0000-00-00", "month": "2026-13", "created": "2026-2-3"}
BAD_BODY = {
    **dict.fromkeys(("first_name", "last_name", "reason", "title", "location", "name", "kind", "card"), "x\x00y"),
    **dict.fromkeys(("date", "valid_from", "valid_to", "birth_date"), "2026-02-30"),
    **dict.fromkeys(("resident", "session", "capacity", "household_size", "version", "portions_planned"), HUGE),
    "starts_at": "2026-02-30T10:00:00+01:00",
    "month": "2026-13",
    "weekdays": [HUGE, -1],
    "diet": ["\x00"],
    "monthly_income": "1e400",
    "attended": "maybe",
}


@pytest.fixture
def client(coordinator):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(coordinator)
    return client


def _id(operation) -> str:
    endpoint, method = operation
    return f"{method} {endpoint.name}"


def assert_refused_or_fine(response, where: str):
    assert response.status_code < 500, where
    if response.status_code >= 400:
        assert is_api_shaped(response), f"{where}: {response.status_code} {response.content[:200]}"


def body_request(client, method, url, body: bytes, content_type: str):
    return getattr(client, method.lower())(url, data=body, content_type=content_type)


@pytest.mark.parametrize("operation", OPERATIONS, ids=_id)
def test_hostile_input_never_breaks_the_operation(operation, world, client):
    endpoint, method = operation
    url = endpoint.url(world)
    if method in ("GET", "DELETE"):
        for query in (NUL_QUERY, BAD_DATES, {"page": str(HUGE)}, {"page": "\x00"}):
            assert_refused_or_fine(getattr(client, method.lower())(url, query), f"{method} {url} {query}")
        return
    cases = {
        "hostile fields": (json.dumps(BAD_BODY).encode(), "application/json"),
        "oversized": (json.dumps({"notes": "x" * 2_000_000}).encode(), "application/json"),
        "broken JSON": (b'{"first_name": ', "application/json"),
        "not UTF-8": (b'{"a": "\xff\xfe"}', "application/json"),
        "a JSON list": (b"[1, 2, 3]", "application/json"),
        "plain text": (b"first_name=Jan", "text/plain"),
        "a form": (b"first_name=Jan", "application/x-www-form-urlencoded"),
        "XML": (b"<resident/>", "application/xml"),
    }
    for name, (body, content_type) in cases.items():
        assert_refused_or_fine(body_request(client, method, url, body, content_type), f"{method} {url} {name}")


@pytest.mark.parametrize("operation", [o for o in OPERATIONS if "pk" in o[0].kwargs or "day" in o[0].kwargs], ids=_id)
def test_ids_and_days_that_cannot_exist_are_404_or_the_empty_body_is_400_first(operation, world, client):
    endpoint, method = operation
    good = endpoint.url(world)
    for wrong in ("99999999999999999999999999", "9223372036854775808", "2026-02-30", "99999-01-01", "%00"):
        url = _with_last_parameter(good, wrong)
        with nothing_changed():
            response = getattr(client, method.lower())(url, {}, format="json")
        assert response.status_code in (400, 404), url
        assert is_api_shaped(response), url
        if response.status_code == 404:
            assert response.json()["code"] == "not_found", url


def _with_last_parameter(url: str, value: str) -> str:
    """Replace the URL's id or day (its last parameter segment) with ``value``."""
    parts = url.rstrip("/").split("/")
    index = max(i for i, part in enumerate(parts) if part.isdigit() or _is_day(part))
    parts[index] = value
    return "/".join(parts) + "/"


def _is_day(part: str) -> bool:
    return len(part) == 10 and part[4] == "-" and part[7] == "-"


def test_an_oversized_body_is_413(world, client):
    with nothing_changed():
        response = client.post("/api/v1/residents/", {"notes": "x" * 2_000_000}, format="json")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_a_wrong_content_type_is_415(world, client):
    with nothing_changed():
        response = client.post("/api/v1/residents/", "first_name=Jan", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_nul_bytes_are_a_400_on_the_field(world, client):
    with nothing_changed():
        response = client.post("/api/v1/residents/", {"first_name": "Ja\x00n", "last_name": "K"}, format="json")
    assert response.status_code == 400 and "first_name" in response.json()


def test_an_unknown_api_url_is_a_json_404_and_a_page_url_stays_html(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    page = client.get("/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("page", [p for p in pages() if "GET" in PAGES.get(p.name, {})], ids=lambda p: p.name)
def test_staff_pages_survive_hostile_query_strings(page, world, coordinator):
    browser = Client(raise_request_exception=False)
    browser.force_login(coordinator)
    url = page.url(world)
    for query in (NUL_QUERY, BAD_DATES, {"page": str(HUGE), "day": "\x00", "past": "\x00", "q": "%" * 500}):
        assert browser.get(url, query).status_code < 500, f"{url} {query}"
