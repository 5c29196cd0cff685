"""Django admin: residents and entitlements read-only, reference tables saved through the services."""

import pytest
from django.test import Client

from beneficiaries.models import Street
from config.models import AuditEvent
from tests.factories import ResidentFactory, UserFactory
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for_coordinator():
    user = UserFactory(role="coordinator")
    user.is_staff = True
    user.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_residents_are_listed_but_not_added_or_changed_in_the_admin(admin_client_for_coordinator):
    resident = ResidentFactory(last_name="Żółć")
    client = admin_client_for_coordinator
    assert "Żółć" in client.get("/admin/beneficiaries/resident/", {"q": "zolc"}).content.decode()
    assert client.get("/admin/beneficiaries/resident/add/").status_code == 403
    page = client.get(f"/admin/beneficiaries/resident/{resident.pk}/change/")
    assert page.status_code == 200
    assert 'name="first_name"' not in page.content.decode()


def test_a_street_added_in_the_admin_is_folded_and_audited(admin_client_for_coordinator):
    response = admin_client_for_coordinator.post(
        "/admin/beneficiaries/street/add/", {"name": "ul. Wolności", "district": "other"}
    )
    assert response.status_code == 302
    assert Street.objects.get(name="ul. Wolności").name_folded == "wolnosci"
    assert AuditEvent.objects.filter(action="street.create").exists()


def test_the_admin_refuses_a_street_already_in_the_register(admin_client_for_coordinator):
    with nothing_changed():
        response = admin_client_for_coordinator.post(
            "/admin/beneficiaries/street/add/", {"name": "GŁÓWNA", "district": "other"}
        )
    assert response.status_code == 200
    assert "This street is already in the register." in response.content.decode()
