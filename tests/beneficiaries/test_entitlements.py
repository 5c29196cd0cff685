"""Entitlements: create, suspend, resume; every change is in the audit trail."""

import pytest

from beneficiaries.models import Entitlement
from config.models import AuditEvent

pytestmark = pytest.mark.django_db

BODY = {
    "program": "fead",
    "valid_from": "2026-03-02",
    "valid_to": "2026-06-30",
    "document_number": " SKIER/12/2026 ",
    "weekdays": [2, 4],
    "household_size": 2,
    "monthly_income": "1200.50",
}


def test_create_answers_201_with_the_fields_of_api_md(coordinator_client, make_resident):
    resident = make_resident()
    response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", BODY, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["program"] == "fead"
    assert body["valid_from"] == "2026-03-02"
    assert body["valid_to"] == "2026-06-30"
    assert body["document_number"] == "SKIER/12/2026"
    assert body["weekdays"] == [2, 4]
    assert body["status"] == "active"
    assert body["household_size"] == 2
    assert body["monthly_income"] == "1200.50"
    assert Entitlement.objects.get(pk=body["id"]).created_by.username == "coord"


def test_a_one_day_entitlement_is_allowed(coordinator_client, make_resident):
    resident = make_resident()
    body = {**BODY, "valid_to": BODY["valid_from"]}
    assert (
        coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json").status_code
        == 201
    )


def test_suspend_and_resume(coordinator_client, make_resident, give_entitlement):
    entitlement = give_entitlement(make_resident())
    suspended = coordinator_client.post(f"/api/v1/entitlements/{entitlement.pk}/suspend/")
    assert suspended.status_code == 200
    assert suspended.json()["status"] == "suspended"
    resumed = coordinator_client.post(f"/api/v1/entitlements/{entitlement.pk}/resume/")
    assert resumed.json()["status"] == "active"


def test_suspending_twice_changes_and_records_nothing_more(coordinator_client, make_resident, give_entitlement):
    entitlement = give_entitlement(make_resident())
    coordinator_client.post(f"/api/v1/entitlements/{entitlement.pk}/suspend/")
    again = coordinator_client.post(f"/api/v1/entitlements/{entitlement.pk}/suspend/")
    assert again.status_code == 200
    assert again.json()["status"] == "suspended"
    assert AuditEvent.objects.filter(action="entitlement.suspend").count() == 1


def test_eligibility_changes_are_in_the_audit_trail(coordinator_client, coordinator, make_resident):
    resident = make_resident()
    created = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", BODY, format="json").json()
    coordinator_client.post(f"/api/v1/entitlements/{created['id']}/suspend/")
    coordinator_client.post(f"/api/v1/entitlements/{created['id']}/resume/")
    events = AuditEvent.objects.filter(object_type="beneficiaries.entitlement", object_id=str(created["id"]))
    assert [e.action for e in events.order_by("id")] == [
        "entitlement.create",
        "entitlement.suspend",
        "entitlement.resume",
    ]
    assert all(e.actor == coordinator for e in events)
    assert events.get(action="entitlement.create").after["document_number"] == "SKIER/12/2026"
    assert events.get(action="entitlement.suspend").after == {"status": "suspended"}


def test_the_resident_lists_its_entitlements(distribution_client, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, program="fead")
    give_entitlement(resident)
    response = distribution_client.get(f"/api/v1/residents/{resident.pk}/entitlements/")
    assert response.json()["count"] == 2
