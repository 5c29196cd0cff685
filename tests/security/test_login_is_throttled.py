"""Password guessing is limited on every login surface together: the token, /login/ and /admin/login/.

Failures are counted per user name (10 in 15 minutes) and per client address (50), whatever
header the client sends, atomically (parallel guesses included), and in the database while
Redis is down (docs/api.md#auth, docs/security.md#logins).
"""

import uuid

import pytest
from django.test import Client, RequestFactory

from config.throttling import client_address
from tests.factories import UserFactory
from tests.security.conftest import api_client_for
from tests.support import nothing_changed, run_concurrently

RATE = 10
RIGHT = "test-password-123"


REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"


def token_login(username: str, password: str = "nope", **headers):
    return api_client_for(None).post("/api/v1/auth/token/", {"username": username, "password": password}, **headers)


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


def test_a_forwarded_for_header_sent_by_the_client_never_changes_whose_counter_a_guess_lands_on(staff):
    for guess in range(RATE):
        assert token_login(staff.username, HTTP_X_FORWARDED_FOR=f"10.9.{guess}.1").status_code == 400
    right = token_login(staff.username, RIGHT, HTTP_X_FORWARDED_FOR="10.200.0.1", REMOTE_ADDR="10.0.0.7")
    assert right.status_code == 429, "a new address does not reset the user name's counter either"


def test_the_address_counter_ignores_forwarded_for_without_a_trusted_proxy(db, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    for guess in range(3):
        token_login(f"nobody-{guess}", HTTP_X_FORWARDED_FOR=f"10.9.{guess}.1")
    colleague = UserFactory(username=f"colleague-{uuid.uuid4().hex[:10]}", role="distribution")
    assert token_login(colleague.username, RIGHT, HTTP_X_FORWARDED_FOR="10.200.0.1").status_code == 429


@pytest.mark.parametrize(
    ("trusted", "forwarded", "client"),
    [
        ([], "6.6.6.6", "10.0.0.1"),
        (["10.0.0.0/8"], "1.2.3.4", "1.2.3.4"),
        (["10.0.0.0/8"], "6.6.6.6, 1.2.3.4", "1.2.3.4"),
        (["10.0.0.0/8"], "6.6.6.6, 1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (["10.0.0.0/8"], "", "10.0.0.1"),
    ],
)
def test_the_client_address_is_the_connection_unless_a_trusted_proxy_says_so(settings, trusted, forwarded, client):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


def test_the_admin_login_counts_with_the_token_login_and_refuses_past_the_limit(staff):
    staff.is_staff = staff.is_superuser = True
    staff.save()
    for _ in range(RATE // 2):
        Client().post("/admin/login/", {"username": staff.username, "password": "nope"})
        token_login(staff.username)
    client = Client()
    with nothing_changed():
        response = client.post("/admin/login/?next=/admin/", {"username": staff.username, "password": RIGHT})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "Zbyt wiele prób logowania" in response.content.decode()


def test_the_address_limit_holds_across_user_names(db, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 5
    for guess in range(5):
        Client().post("/login/", {"username": f"someone-{guess}", "password": "nope"})
    colleague = UserFactory(username=f"colleague-{uuid.uuid4().hex[:10]}", role="distribution")
    assert Client().post("/login/", {"username": colleague.username, "password": RIGHT}).status_code == 429


def test_with_redis_down_the_database_keeps_count(staff, settings):
    nobody_listens = {"LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.5}}
    settings.CACHES = {"default": {"BACKEND": REDIS_CACHE, **nobody_listens}}
    statuses = [token_login(staff.username).status_code for _ in range(RATE + 1)]
    assert statuses == [400] * RATE + [429]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_no_more_password_checks_than_the_limit():
    staff = UserFactory(username=f"guess-{uuid.uuid4().hex[:10]}", role="distribution")
    outcomes = run_concurrently(lambda _: token_login(staff.username).status_code, range(3 * RATE))
    assert sorted(outcomes) == [400] * RATE + [429] * (2 * RATE)
