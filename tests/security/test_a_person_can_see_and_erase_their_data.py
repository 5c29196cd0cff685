"""Right of access and erasure: a coordinator exports everything about one person, or anonymises them."""

from beneficiaries.exceptions import entitlement_running
from beneficiaries.models import Resident
from config.models import AuditEvent
from tests.security.conftest import api_client_for, entitlements_ended
from tests.support import nothing_changed


def export_of(coordinator, resident):
    return api_client_for(coordinator).get(f"/api/v1/residents/{resident.pk}/export/")


def test_the_export_holds_everything_about_the_person(world, coordinator, distributor):
    api_client_for(distributor).post(f"/api/v1/meals/issues/{world.issue.pk}/void/", {"reason": "pomyłka"})
    response = export_of(coordinator, world.resident)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="dane-osoby-')
    data = response.json()
    assert data["resident"]["last_name"] == "Żółć" and data["resident"]["allergies"] == "orzechy"
    assert {e["program"] for e in data["entitlements"]} == {"hot_meal", "fead"}
    assert [issue["void_reason"] for issue in data["meal_issues"]] == ["pomyłka"]
    assert [signup["session_title"] for signup in data["workshop_signups"]] == ["Zupy"]
    assert "meal.void" in {event["action"] for event in data["audit_trail"]}


def test_the_export_holds_nobody_else(world, coordinator):
    body = export_of(coordinator, world.resident).content.decode()
    assert world.other_resident.last_name not in body


def test_anonymising_asks_for_confirmation(world, coordinator):
    client = api_client_for(coordinator)
    url = f"/api/v1/residents/{world.resident.pk}/anonymise/"
    for body in ({}, {"confirm": False}):
        with nothing_changed():
            response = client.post(url, body)
        assert response.status_code == 400 and "confirm" in response.json()
    assert Resident.objects.get(pk=world.resident.pk).anonymised_at is None


def test_anonymising_on_request_removes_the_person_and_keeps_the_counts(world, coordinator):
    entitlements_ended(world.resident)
    client = api_client_for(coordinator)
    response = client.post(f"/api/v1/residents/{world.resident.pk}/anonymise/", {"confirm": True})
    assert response.status_code == 200
    assert response.json()["last_name"] == "Osoba anonimowa" and response.json()["pesel"] is None
    assert world.resident.meal_issues.count() == 1 and world.resident.workshop_signups.count() == 1
    with nothing_changed():
        again = client.post(f"/api/v1/residents/{world.resident.pk}/anonymise/", {"confirm": True})
    assert again.status_code == 409 and again.json()["code"] == "already_anonymised"


def test_the_resident_page_offers_both_to_the_coordinator_only(world, client, coordinator, distributor):
    url = f"/residents/{world.resident.pk}/"
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert f"/api/v1/residents/{world.resident.pk}/export/" in page
    assert f"/residents/{world.resident.pk}/anonymise/" in page
    client.force_login(distributor)
    page = client.get(url).content.decode()
    assert "/export/" not in page and "/anonymise/" not in page


def test_the_page_refuses_while_an_entitlement_runs(world, client, coordinator):
    client.force_login(coordinator)
    with nothing_changed():
        response = client.post(f"/residents/{world.resident.pk}/anonymise/", {"confirm": "yes"}, follow=True)
    assert str(entitlement_running().detail) in response.content.decode()


def test_the_page_explains_then_anonymises_only_when_the_box_is_ticked(world, client, coordinator):
    entitlements_ended(world.resident)
    client.force_login(coordinator)
    url = f"/residents/{world.resident.pk}/anonymise/"
    assert 'name="confirm"' in client.get(url).content.decode()
    with nothing_changed():
        client.post(url, {})
    assert Resident.objects.get(pk=world.resident.pk).anonymised_at is None
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == f"/residents/{world.resident.pk}/"
    assert Resident.objects.get(pk=world.resident.pk).anonymised_at is not None
    assert AuditEvent.objects.filter(action="resident.anonymise", actor=coordinator).count() == 1
