import pytest
from django.test import Client

from config.audit import audit_record
from config.models import AuditEvent
from tests.factories import ResidentFactory, UserFactory
from tests.support import nothing_changed


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted(coordinator):
    event = audit_record(actor=coordinator, action="resident.create", obj=ResidentFactory(), after={"x": 1})
    event.action = "something.else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "resident.create"


@pytest.mark.django_db
def test_coordinators_read_the_trail_filtered_by_object(coordinator_client, coordinator):
    first, second = ResidentFactory(), ResidentFactory()
    audit_record(actor=coordinator, action="resident.update", obj=first, before={"a": 1}, after={"a": 2})
    audit_record(actor=coordinator, action="resident.update", obj=second)
    response = coordinator_client.get(
        "/api/v1/audit/", {"object_type": "beneficiaries.resident", "object_id": first.pk}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["before"] == {"a": 1}
    assert body["results"][0]["actor"] == coordinator.username


@pytest.mark.django_db
def test_other_roles_and_anonymous_cannot_read_the_trail(distribution_client, workshop_client, api_client):
    assert distribution_client.get("/api/v1/audit/").status_code == 403
    assert workshop_client.get("/api/v1/audit/").status_code == 403
    assert api_client.get("/api/v1/audit/").status_code == 401


@pytest.mark.django_db
def test_the_trail_offers_no_way_to_write():
    client = Client()
    client.force_login(UserFactory(role="coordinator"))
    with nothing_changed():
        assert client.post("/api/v1/audit/", {}, content_type="application/json").status_code == 405
    assert client.get("/audit/").status_code == 200
