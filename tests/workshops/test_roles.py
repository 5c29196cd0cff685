"""Workshop leaders and coordinators manage workshops; distribution staff may not (docs/api.md#roles)."""

import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.support import nothing_changed
from tests.workshops.conftest import SESSION_DAY, add_signup

ENDPOINTS = [
    ("get", "/api/v1/workshops/sessions/"),
    ("post", "/api/v1/workshops/sessions/"),
    ("get", "/api/v1/workshops/sessions/{session}/"),
    ("patch", "/api/v1/workshops/sessions/{session}/"),
    ("post", "/api/v1/workshops/sessions/{session}/cancel/"),
    ("post", "/api/v1/workshops/sessions/{session}/mark-all-present/"),
    ("get", "/api/v1/workshops/sessions/{session}/signups/"),
    ("post", "/api/v1/workshops/sessions/{session}/signups/"),
    ("get", "/api/v1/workshops/signups/{signup}/"),
    ("post", "/api/v1/workshops/signups/{signup}/cancel/"),
    ("post", "/api/v1/workshops/signups/{signup}/attendance/"),
    ("get", "/api/v1/workshops/residents/{resident}/signups/"),
    ("get", "/api/v1/workshops/figures/?month=2026-12"),
]


def call(client, method, template, session, signup):
    url = template.format(session=session.pk, signup=signup.pk, resident=signup.resident_id)
    return getattr(client, method)(url, {}, format="json")


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "template"), ENDPOINTS)
def test_distribution_staff_get_403(distribution_client, session, method, template):
    signup = add_signup(session)
    with nothing_changed():
        assert call(distribution_client, method, template, session, signup).status_code == 403
    assert signup.session.signups.get().status == "confirmed"


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "template"), ENDPOINTS)
def test_anonymous_callers_get_401(api_client, session, method, template):
    signup = add_signup(session)
    with nothing_changed():
        assert call(api_client, method, template, session, signup).status_code == 401


@pytest.mark.django_db
def test_a_user_without_a_role_gets_403(api_client, session):
    from tests.factories import UserFactory

    api_client.force_authenticate(UserFactory())
    assert api_client.get("/api/v1/workshops/sessions/").status_code == 403


@pytest.mark.django_db
def test_a_leader_manages_another_leaders_session_through_the_api(workshop_client, frozen_clock):
    from tests.workshops.conftest import WorkshopSessionFactory

    colleagues = WorkshopSessionFactory()
    url = f"/api/v1/workshops/sessions/{colleagues.pk}/signups/"
    assert (
        workshop_client.post(
            url, {"resident": eligible_resident(Program.FEAD, day=SESSION_DAY).pk}, format="json"
        ).status_code
        == 201
    )


@pytest.mark.django_db
def test_token_authentication_works_as_api_md_describes(api_client, leader, session):
    token = api_client.post(
        "/api/v1/auth/token/", {"username": leader.username, "password": "test-password-123"}, format="json"
    ).json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get("/api/v1/workshops/sessions/").status_code == 200
