"""Residents through the API: the fields of docs/api.md, card numbers, versions and edit conflicts."""

import pytest

from beneficiaries.cards import is_valid_card_number
from config.models import AuditEvent
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

FULL = {
    "first_name": "  Łucja ",
    "last_name": "Żmuda-Trzebiatowska",
    "pesel": "44051401359",
    "street": "ul. Kasprowicza",
    "building": "2",
    "flat": "5",
    "postal_code": "41503",
    "phone": "+48 600 100 200",
    "diet": ["soft", "diabetic"],
    "allergies": "orzechy",
    "notes": "Odbiera córka & zięć <wtorki>",
}


def create(client, **body):
    return client.post("/api/v1/residents/", body, format="json")


def test_create_returns_every_field_with_id_card_and_version(coordinator_client):
    response = create(coordinator_client, **FULL)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["first_name"] == "Łucja"
    assert body["birth_date"] == "1944-05-14"
    assert body["district"] == "chorzow_stary"
    assert body["postal_code"] == "41-503"
    assert body["diet"] == ["diabetic", "soft"]
    assert body["notes"] == FULL["notes"]
    assert body["version"] == 1
    assert body["is_active"] is True
    assert body["possible_duplicates"] == []
    assert is_valid_card_number(body["card_number"])


def test_card_numbers_are_unique_and_check_digited(coordinator_client):
    cards = {create(coordinator_client, first_name="A", last_name=f"B{i}").json()["card_number"] for i in range(5)}
    assert len(cards) == 5
    assert all(is_valid_card_number(card) for card in cards)


def test_only_names_are_required(coordinator_client):
    response = create(coordinator_client, first_name="Jan", last_name="Bezdomny")
    assert response.status_code == 201
    assert response.json()["district"] == "other"
    assert response.json()["birth_date"] is None


def test_detail_carries_the_entitlements(distribution_client, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, weekdays=[1, 3])
    body = distribution_client.get(f"/api/v1/residents/{resident.pk}/").json()
    assert body["id"] == resident.pk
    assert body["entitlements"][0]["weekdays"] == [1, 3]
    assert body["entitlements"][0]["status"] == "active"


def test_patch_changes_fields_and_bumps_the_version(coordinator_client, make_resident):
    resident = make_resident()
    response = coordinator_client.patch(
        f"/api/v1/residents/{resident.pk}/", {"phone": "123", "version": 1}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["phone"] == "123"
    assert response.json()["version"] == 2
    assert response.json()["last_name"] == "Kowalski"


def test_patch_with_a_stale_version_is_an_edit_conflict(coordinator_client, make_resident):
    resident = make_resident()
    url = f"/api/v1/residents/{resident.pk}/"
    assert coordinator_client.patch(url, {"phone": "1", "version": 1}, format="json").status_code == 200
    with nothing_changed():
        stale = coordinator_client.patch(url, {"phone": "2", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"
    assert stale.json()["detail"]
    assert coordinator_client.get(url).json()["phone"] == "1"


def test_patch_without_a_version_is_last_write_wins(coordinator_client, make_resident):
    resident = make_resident()
    url = f"/api/v1/residents/{resident.pk}/"
    coordinator_client.patch(url, {"phone": "1"}, format="json")
    assert coordinator_client.patch(url, {"phone": "2"}, format="json").json()["version"] == 3


def test_patch_that_changes_nothing_keeps_the_version(coordinator_client, make_resident):
    resident = make_resident()
    response = coordinator_client.patch(f"/api/v1/residents/{resident.pk}/", {"first_name": "Jan"}, format="json")
    assert response.json()["version"] == 1


def test_a_new_pesel_brings_its_birth_date(coordinator_client, make_resident):
    resident = make_resident()
    response = coordinator_client.patch(f"/api/v1/residents/{resident.pk}/", {"pesel": "02211307589"}, format="json")
    assert response.status_code == 200
    assert response.json()["birth_date"] == "2002-01-13"


def test_patch_cannot_take_a_pesel_of_another_resident(coordinator_client, make_resident):
    make_resident(pesel="44051401359")
    other = make_resident(first_name="Ewa")
    with nothing_changed():
        response = coordinator_client.patch(f"/api/v1/residents/{other.pk}/", {"pesel": "44051401359"}, format="json")
    assert response.status_code == 400
    assert "pesel" in response.json()


def test_possible_duplicates_are_reported_but_the_resident_is_created(coordinator_client, make_resident):
    first = make_resident(first_name="Łukasz", last_name="Żółć", birth_date="1960-05-14")
    response = create(coordinator_client, first_name="Lukasz", last_name="ZOLC", birth_date="1960-05-14")
    assert response.status_code == 201
    assert response.json()["possible_duplicates"] == [
        {
            "id": first.pk,
            "first_name": "Łukasz",
            "last_name": "Żółć",
            "birth_date": "1960-05-14",
            "card_number": first.card_number,
            "reason": "same_name_and_birth_date",
        }
    ]


def test_changes_are_recorded_in_the_audit_trail(coordinator_client, coordinator):
    resident_id = create(coordinator_client, first_name="Jan", last_name="Nowak").json()["id"]
    coordinator_client.patch(f"/api/v1/residents/{resident_id}/", {"phone": "5"}, format="json")
    events = AuditEvent.objects.filter(object_type="beneficiaries.resident", object_id=str(resident_id))
    assert [e.action for e in events.order_by("id")] == ["resident.create", "resident.update"]
    update = events.get(action="resident.update")
    assert update.actor == coordinator
    assert update.before == {"phone": ""}
    assert update.after == {"phone": "5"}


def test_health_data_is_hidden_from_roles_that_may_not_see_it(monkeypatch, distribution_client, make_resident):
    from config import roles

    resident = make_resident(diet=["soft"], allergies="gluten")
    url = f"/api/v1/residents/{resident.pk}/"
    assert distribution_client.get(url).json()["diet"] == ["soft"]
    monkeypatch.setitem(roles.RULES, "residents.see_health", frozenset({roles.Role.COORDINATOR}))
    body = distribution_client.get(url).json()
    assert "diet" not in body
    assert "allergies" not in body


def test_unknown_resident_is_404(coordinator_client):
    assert coordinator_client.get("/api/v1/residents/999999/").status_code == 404
    with nothing_changed():
        assert coordinator_client.patch("/api/v1/residents/999999/", {}, format="json").status_code == 404
    assert coordinator_client.get("/api/v1/residents/99999999999999999999999/").status_code == 404
