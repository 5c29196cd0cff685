import pytest
from django.test import Client

from tests.support import nothing_changed
from tests.workshops.conftest import add_signup


@pytest.mark.django_db
def test_coordinators_read_sessions_and_sign_ups_in_the_admin_but_cannot_change_them(coordinator, session):
    signup = add_signup(session)
    client = Client()
    client.force_login(coordinator)
    coordinator.is_staff = True
    coordinator.save()
    assert client.get(f"/admin/workshops/workshopsession/{session.pk}/change/").status_code == 200
    assert client.get(f"/admin/workshops/signup/{signup.pk}/change/").status_code == 200
    with nothing_changed():
        response = client.post(f"/admin/workshops/signup/{signup.pk}/change/", {"status": "cancelled"})
    assert response.status_code == 403
    signup.refresh_from_db()
    assert signup.status == "confirmed"
    assert client.get("/admin/workshops/workshopsession/add/").status_code == 403
