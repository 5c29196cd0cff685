"""Who may do what (docs/api.md#roles): anonymous 401, a role that may not 403, the rest allowed."""

import pytest
from rest_framework.test import APIClient

from tests.factories import EntitlementFactory, ResidentFactory, UserFactory
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

READ, WRITE = "read", "write"
ALLOWED = {
    READ: {"distribution", "workshop", "coordinator"},
    WRITE: {"coordinator"},
}


@pytest.fixture
def objects(db):
    resident = ResidentFactory()
    entitlement = EntitlementFactory(resident=resident)
    return {"resident": resident.pk, "entitlement": entitlement.pk}


ENDPOINTS = [
    (READ, "get", "/api/v1/residents/", None),
    (READ, "get", "/api/v1/residents/?search=kow", None),
    (READ, "get", "/api/v1/residents/{resident}/", None),
    (READ, "get", "/api/v1/residents/{resident}/entitlements/", None),
    (READ, "get", "/api/v1/residents/{resident}/eligibility/?program=hot_meal", None),
    (READ, "get", "/api/v1/streets/", None),
    (READ, "get", "/api/v1/streets/district/?street=Kasprowicza", None),
    (READ, "get", "/api/v1/closure-days/", None),
    (WRITE, "post", "/api/v1/residents/", {"first_name": "A", "last_name": "B"}),
    (WRITE, "patch", "/api/v1/residents/{resident}/", {"phone": "1"}),
    (WRITE, "get", "/api/v1/residents/{resident}/card/", None),
    (WRITE, "get", "/api/v1/residents/duplicates/?first_name=A&last_name=B", None),
    (
        WRITE,
        "post",
        "/api/v1/residents/{resident}/entitlements/",
        {"program": "fead", "valid_from": "2026-01-01", "valid_to": "2026-12-31", "document_number": "S/1"},
    ),
    (WRITE, "post", "/api/v1/entitlements/{entitlement}/suspend/", None),
    (WRITE, "post", "/api/v1/entitlements/{entitlement}/resume/", None),
    (WRITE, "post", "/api/v1/streets/", {"name": "Nowa", "district": "other"}),
    (WRITE, "post", "/api/v1/closure-days/", {"date": "2026-12-31", "reason": "Sylwester"}),
]
ROLES = [None, "distribution", "workshop", "coordinator"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "method", "path", "body"), ENDPOINTS)
def test_permission_matrix(role, kind, method, path, body, objects):
    client = APIClient()
    if role:
        client.force_authenticate(UserFactory(role=role))
    with nothing_changed(unless=role in ALLOWED[kind]):
        response = getattr(client, method)(path.format(**objects), body, format="json")
    if role is None:
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
    elif role not in ALLOWED[kind]:
        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"
    else:
        assert response.status_code in (200, 201), response.content[:300]


def test_a_user_without_a_role_is_refused(objects):
    client = APIClient()
    client.force_authenticate(UserFactory())
    assert client.get("/api/v1/residents/").status_code == 403


def test_token_authentication_works_for_the_resident_list(objects):
    UserFactory(username="kasia", role="distribution")
    client = APIClient()
    token = client.post("/api/v1/auth/token/", {"username": "kasia", "password": "test-password-123"}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/residents/").status_code == 200
