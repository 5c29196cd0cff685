import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.support import nothing_changed


@pytest.mark.django_db
def test_token_login_returns_a_token_that_authenticates_api_calls():
    UserFactory(username="ola", role="distribution")
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": "ola", "password": "test-password-123"}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/meals/days/2026-11-30/").status_code != 401


@pytest.mark.django_db
def test_wrong_password_gets_a_400_and_no_token():
    UserFactory(username="ola", role="distribution")
    with nothing_changed():
        response = APIClient().post("/api/v1/auth/token/", {"username": "ola", "password": "nope"}, format="json")
    assert response.status_code == 400
    assert "token" not in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/v1/residents/", "/api/v1/meals/days/2026-11-30/", "/api/v1/workshops/sessions/", "/api/v1/documents/"],
)
def test_anonymous_api_calls_get_401(path):
    response = APIClient().get(path)
    assert response.status_code == 401


@pytest.mark.django_db
def test_a_bad_token_gets_401():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/v1/residents/").status_code == 401


@pytest.mark.django_db
def test_repeated_wrong_passwords_are_throttled():
    UserFactory(username="ola", role="distribution")
    client = APIClient()
    with nothing_changed():
        statuses = [
            client.post("/api/v1/auth/token/", {"username": "ola", "password": "bad"}, format="json").status_code
            for _ in range(12)
        ]
    assert statuses[0] == 400
    assert statuses[-1] == 429


@pytest.mark.django_db
def test_successful_logins_are_never_throttled():
    """Staff at a shared counter log in again and again; only failed attempts count."""
    UserFactory(username="ola", role="distribution")
    client = APIClient()
    right = {"username": "ola", "password": "test-password-123"}
    statuses = {client.post("/api/v1/auth/token/", right, format="json").status_code for _ in range(15)}
    assert statuses == {200}
