"""Bad input is a 400 in DRF's shape {"field": ["message"]}, never a 500."""

import pytest

from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

NAMES = {"first_name": "Jan", "last_name": "Nowak"}


def assert_field_error(response, field):
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert field in body, body
    assert isinstance(body[field], list)
    assert all(isinstance(message, str) and message for message in body[field])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", ""),
        ("first_name", "   "),
        ("first_name", "x" * 101),
        ("first_name", None),
        ("first_name", ["Jan"]),
        ("first_name", {"a": 1}),
        ("last_name", "y" * 101),
        ("pesel", 44051401359),
        ("pesel", "4405140135912345"),
        ("birth_date", "14.05.1960"),
        ("birth_date", "2999-01-01"),
        ("birth_date", 19600514),
        ("street", "s" * 101),
        ("building", "b" * 21),
        ("postal_code", "41-5030"),
        ("postal_code", "ab-cde"),
        ("district", "bytom"),
        ("phone", "1" * 33),
        ("diet", "vegetarian"),
        ("diet", ["vegetarian", "carnivore"]),
        ("diet", [1, 2]),
        ("diet", {"vegetarian": True}),
        ("is_active", "maybe"),
        ("notes", "n" * 4001),
    ],
)
def test_bad_resident_fields_are_400_on_the_field(coordinator_client, field, value):
    body = {**NAMES, field: value}
    with nothing_changed():
        response = coordinator_client.post("/api/v1/residents/", body, format="json")
    assert_field_error(response, field)


def test_missing_names_are_reported_together(coordinator_client):
    with nothing_changed():
        response = coordinator_client.post("/api/v1/residents/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"first_name", "last_name"}


def test_unknown_diet_tags_are_named_in_the_message(coordinator_client):
    with nothing_changed():
        response = coordinator_client.post("/api/v1/residents/", {**NAMES, "diet": ["keto"]}, format="json")
    assert "keto" in response.json()["diet"][0]


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"first_name": '])
def test_unparseable_or_non_object_bodies_are_400(coordinator_client, body):
    with nothing_changed():
        response = coordinator_client.generic("POST", "/api/v1/residents/", body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("field", "value"),
    [("version", "one"), ("version", 0), ("version", 10**30), ("pesel", "44051401358"), ("first_name", "")],
)
def test_bad_patch_fields_are_400(coordinator_client, make_resident, field, value):
    resident = make_resident()
    with nothing_changed():
        response = coordinator_client.patch(f"/api/v1/residents/{resident.pk}/", {field: value}, format="json")
    assert_field_error(response, field)


ENTITLEMENT = {"program": "hot_meal", "valid_from": "2026-03-02", "valid_to": "2026-12-31", "document_number": "D/1"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("program", "soup"),
        ("program", None),
        ("valid_from", "yesterday"),
        ("valid_to", "2026-03-01"),
        ("document_number", ""),
        ("document_number", "d" * 65),
        ("weekdays", "12345"),
        ("weekdays", 1),
        ("weekdays", []),
        ("weekdays", [0, 1]),
        ("weekdays", [1, 8]),
        ("weekdays", [1, "x"]),
        ("weekdays", [True]),
        ("weekdays", {"1": True}),
        ("household_size", 0),
        ("household_size", 10**20),
        ("household_size", "three"),
        ("monthly_income", -1),
        ("monthly_income", "NaN"),
        ("monthly_income", "1e400"),
        ("monthly_income", "12.345"),
        ("monthly_income", [1]),
    ],
)
def test_bad_entitlement_fields_are_400_on_the_field(coordinator_client, make_resident, field, value):
    resident = make_resident()
    body = {**ENTITLEMENT, "household_size": 1, field: value}
    with nothing_changed():
        response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")
    assert_field_error(response, field)


def test_weekdays_default_to_monday_to_friday_and_are_returned_as_numbers(coordinator_client, make_resident):
    resident = make_resident()
    response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", ENTITLEMENT, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["weekdays"] == [1, 2, 3, 4, 5]
    assert {k: body[k] for k in ("program", "valid_from", "valid_to", "document_number", "status")} == {
        **ENTITLEMENT,
        "status": "active",
    }


def test_repeated_weekdays_are_kept_once_in_order(coordinator_client, make_resident):
    resident = make_resident()
    body = {**ENTITLEMENT, "weekdays": [5, 1, 5, 3]}
    response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")
    assert response.json()["weekdays"] == [1, 3, 5]


@pytest.mark.parametrize(
    ("query", "field"),
    [({"program": "hot_meal", "date": "2026-02-30"}, "date"), ({"program": "x"}, "program"), ({}, "program")],
)
def test_bad_eligibility_queries_are_400(distribution_client, make_resident, query, field):
    resident = make_resident()
    assert_field_error(distribution_client.get(f"/api/v1/residents/{resident.pk}/eligibility/", query), field)


def test_a_too_long_search_is_400(distribution_client):
    assert_field_error(distribution_client.get("/api/v1/residents/", {"search": "a" * 101}), "search")


def test_a_search_with_a_nul_character_is_400(distribution_client):
    assert_field_error(distribution_client.get("/api/v1/residents/", {"search": "a\x00b"}), "search")


def test_unknown_ids_are_404(coordinator_client):
    with nothing_changed():
        assert coordinator_client.post("/api/v1/entitlements/987654/suspend/").status_code == 404
        assert coordinator_client.get("/api/v1/residents/987654/eligibility/?program=fead").status_code == 404
        assert (
            coordinator_client.post("/api/v1/residents/987654/entitlements/", ENTITLEMENT, format="json").status_code
            == 404
        )
        assert coordinator_client.get("/api/v1/residents/987654/card/").status_code == 404


def test_an_invalid_page_is_404_not_500(distribution_client):
    assert distribution_client.get("/api/v1/residents/", {"page": "x"}).status_code == 404
    assert distribution_client.get("/api/v1/residents/", {"page": "999"}).status_code == 404
