"""Password guessing is slowed on the token login and the login page alike (10 tries a minute).

Attempts are counted per client address and user name, so a colleague at the same counter
is not locked out by someone else's typos.
"""

import uuid

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.security.conftest import api_client_for
from tests.support import nothing_changed

RATE = 10


@pytest.fixture
def staff(db):
    """A user name no other test has tried this minute (the counter lives in the shared cache)."""
    return UserFactory(username=f"guess-{uuid.uuid4().hex[:10]}", role="distribution")


def test_the_token_login_refuses_after_ten_tries(staff):
    client = api_client_for(None)
    with nothing_changed():
        for _ in range(RATE):
            response = client.post("/api/v1/auth/token/", {"username": staff.username, "password": "nope"})
            assert response.status_code == 400
        right = client.post("/api/v1/auth/token/", {"username": staff.username, "password": "test-password-123"})
    assert right.status_code == 429
    assert right.json()["code"] == "throttled"


def test_the_login_page_refuses_after_ten_tries_without_checking_the_password(staff):
    client = Client()
    for _ in range(RATE):
        assert client.post("/login/", {"username": staff.username, "password": "nope"}).status_code == 200
    with nothing_changed():
        response = client.post("/login/", {"username": staff.username, "password": "test-password-123"})
    assert response.status_code == 429
    assert "Zbyt wiele prób logowania" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "no-store" in response["Cache-Control"]


def test_page_and_api_tries_count_together(staff):
    with nothing_changed():
        for _ in range(RATE // 2):
            Client().post("/login/", {"username": staff.username, "password": "nope"})
            api_client_for(None).post("/api/v1/auth/token/", {"username": staff.username, "password": "nope"})
        right = api_client_for(None).post(
            "/api/v1/auth/token/", {"username": staff.username, "password": "test-password-123"}
        )
    assert right.status_code == 429


def test_another_user_at_the_same_address_still_logs_in(staff):
    for _ in range(RATE + 1):
        Client().post("/login/", {"username": staff.username, "password": "nope"})
    colleague = UserFactory(username=f"colleague-{uuid.uuid4().hex[:10]}", role="distribution")
    response = Client().post("/login/", {"username": colleague.username, "password": "test-password-123"})
    assert response.status_code == 302
