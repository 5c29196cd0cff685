"""Nobody edits or deletes the audit trail through the service: not the API, the admin, nor code."""

import pytest
from django.contrib.auth import get_user_model

from config.audit import audit_record
from config.models import AuditEvent
from tests.security.conftest import api_client_for
from tests.support import nothing_changed


@pytest.fixture
def event(world, coordinator):
    return audit_record(actor=coordinator, action="meal.void", obj=world.issue, before={"voided_at": None})


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_audit_api_only_reads(event, coordinator, method):
    client = api_client_for(coordinator)
    for url in ("/api/v1/audit/", f"/api/v1/audit/{event.pk}/"):
        with nothing_changed():
            response = getattr(client, method)(url, {"action": "x"})
        assert response.status_code in (404, 405)
    assert AuditEvent.objects.get(pk=event.pk).action == "meal.void"


def test_the_admin_shows_it_but_changes_nothing_even_for_a_superuser(event, client):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw-123456789")
    client.force_login(admin)
    base = "/admin/config/auditevent/"
    assert client.get(base).status_code == 200
    with nothing_changed():
        assert client.post(f"{base}{event.pk}/change/", {"action": "x"}).status_code == 403
        assert client.post(f"{base}{event.pk}/delete/", {"post": "yes"}).status_code == 403
        assert client.post(base, {"action": "delete_selected", "_selected_action": [event.pk]}).status_code == 200
    assert client.get(f"{base}add/").status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, action="meal.void").exists()


def test_the_model_refuses_an_update_or_a_delete(event):
    event.action = "something.else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_bulk_updates_and_deletes_are_refused_too(event):
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "meal.void"


def test_the_coordinator_page_lists_and_filters_the_trail(event, client, coordinator):
    client.force_login(coordinator)
    response = client.get("/audit/", {"action": "meal.void"})
    assert response.status_code == 200
    assert [line.action for line in response.context["lines"]] == ["anulowanie posiłku"]
    assert client.get("/audit/", {"action": "no.such"}).context["lines"] == []
