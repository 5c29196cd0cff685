"""No input is a 500: deep JSON, OPTIONS, control characters and text-direction marks (docs/api.md#conventions).

Every endpoint is found by walking the URL resolver (tests/security/endpoints.py), so a new
one is covered without being listed.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from beneficiaries.models import Resident
from tests.beneficiaries.import_files import DAMAGES, damaged_xlsx
from tests.security.conftest import api_client_for
from tests.security.endpoints import all_endpoints, api_operations
from tests.support import nothing_changed

DEEP = "[" * 1000 + "]" * 1000
WRITES = [(endpoint, method) for endpoint, method in api_operations() if method in ("POST", "PUT", "PATCH")]
UNPRINTABLE = ["Jan\x00", "Jan\x07", "Kowal\u202eiksw", "Jan\u2066ski", "\x1b[31mJan"]


def _id(operation) -> str:
    endpoint, method = operation
    return f"{method} {endpoint.name}"


@pytest.mark.parametrize("operation", WRITES, ids=_id)
def test_a_deeply_nested_json_body_is_a_400_on_every_endpoint_that_takes_json(operation, world, coordinator):
    endpoint, method = operation
    client = api_client_for(coordinator)
    response = getattr(client, method.lower())(endpoint.url(world), DEEP, content_type="application/json")
    assert response.status_code < 500, response.content[:200]
    if response.status_code == 400:  # an action that reads no body (cancel) may go ahead
        assert response.json()["code"] == "parse_error"


def test_deep_json_is_a_400_in_the_api_shape(coordinator):
    response = api_client_for(coordinator).post(
        "/api/v1/residents/", '{"a":' * 500 + "1" + "}" * 500, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize("endpoint", all_endpoints(), ids=lambda endpoint: endpoint.name)
def test_options_is_answered_on_every_endpoint(endpoint, world, coordinator):
    client = Client()
    client.force_login(coordinator)
    response = client.options(endpoint.url(world))
    assert response.status_code < 500, response.content[:300]


@pytest.mark.parametrize("name", UNPRINTABLE, ids=repr)
def test_a_name_with_control_characters_or_direction_marks_is_refused(name, coordinator):
    body = {"first_name": name, "last_name": "Kowalski", "diet": ["vegetarian"]}
    with nothing_changed():
        response = api_client_for(coordinator).post("/api/v1/residents/", body)
    assert response.status_code == 400
    assert list(response.json()) == ["first_name"]


def test_unprintable_text_deep_in_a_body_is_refused_on_its_field(coordinator):
    with nothing_changed():
        response = api_client_for(coordinator).post(
            "/api/v1/residents/", {"first_name": "Jan", "last_name": "Nowak", "diet": ["\x00"]}
        )
    assert response.status_code == 400
    assert list(response.json()) == ["diet"]


def test_line_breaks_and_tabs_are_text(coordinator):
    body = {"first_name": "Jan", "last_name": "Kowalski", "notes": "dzwonić po 14\n\tw soboty nie"}
    response = api_client_for(coordinator).post("/api/v1/residents/", body)
    assert response.status_code == 201
    assert Resident.objects.get().notes == body["notes"]


def test_a_nul_byte_in_the_street_check_is_a_400(coordinator):
    response = api_client_for(coordinator).get("/api/v1/streets/district/", {"street": "Wolności\x00"})
    assert response.status_code == 400
    assert list(response.json()) == ["street"]


def test_a_page_form_with_a_direction_mark_is_refused(coordinator):
    client = Client()
    client.force_login(coordinator)
    with nothing_changed():
        response = client.post("/residents/new/", {"first_name": "Jan\u202e", "last_name": "Kowalski"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "header",
    [
        "Token \xe9\xe9",  # not ASCII: the header arrives as Latin-1 bytes that are not UTF-8
        "Token abc\xff",
        "Token " + "a" * 63 + "\x00",  # a NUL, which PostgreSQL refuses in any text
        "Token " + "A" * 64,  # the right length, not a token's alphabet
        "Token " + "0" * 100_000,
        "Token ",
        "Token a b",
    ],
    ids=["latin-1", "0xff", "nul", "upper-case", "huge", "empty", "two-words"],
)
def test_a_malformed_token_is_a_401_in_the_api_shape(db, header):
    from rest_framework.test import APIClient

    response = APIClient().get("/api/v1/residents/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["code"] in ("authentication_failed", "not_authenticated")


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_xlsx_upload_is_a_400_on_the_api_and_the_page(damage, coordinator):
    """A broken download or a sheet another program wrote: the coordinator is told, nothing is recorded."""
    content = damaged_xlsx(damage)
    page = Client()
    page.force_login(coordinator)
    with nothing_changed():
        answer = api_client_for(coordinator).post(
            "/api/v1/imports/", {"file": SimpleUploadedFile("decyzje.xlsx", content)}, format="multipart"
        )
        shown = page.post("/imports/", {"file": SimpleUploadedFile("decyzje.xlsx", content)})
    assert answer.status_code == 400, answer.content[:200]
    assert list(answer.json()) == ["file"]
    assert shown.status_code == 400
