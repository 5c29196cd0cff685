"""Production settings (DEBUG off) keep sessions and CSRF tokens on HTTPS, short-lived and out of scripts' reach."""

import json
import secrets
import subprocess
import sys

import pytest
from django.test import Client

from tests.processes import ROOT, service_env
from tests.support import nothing_changed

SETTINGS = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
]


@pytest.fixture(scope="module")
def production():
    """The settings module as a production process loads it: environment of a deployment, nothing else."""
    env = service_env(SECRET_KEY="x" * 60, ALLOWED_HOSTS="cps.example.org")
    env.pop("SECURE_SSL_REDIRECT")
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SETTINGS!r}}}))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_cookies_travel_only_over_https_and_scripts_cannot_read_the_session(production):
    assert production["DEBUG"] is False
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SESSION_COOKIE_HTTPONLY"]
    assert production["SESSION_COOKIE_SAMESITE"] == production["CSRF_COOKIE_SAMESITE"] == "Lax"


def test_a_session_lasts_at_most_a_working_day(production):
    assert production["SESSION_COOKIE_AGE"] <= 8 * 3600
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"]


def test_https_is_enforced(production):
    assert production["SECURE_SSL_REDIRECT"]
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] and production["X_FRAME_OPTIONS"] == "DENY"


def test_djangos_deployment_check_finds_nothing():
    env = service_env(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="cps.example.org")
    env.pop("SECURE_SSL_REDIRECT")
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def test_a_logged_in_browser_cannot_post_to_the_api_without_the_csrf_token(world, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = f"/api/v1/entitlements/{world.entitlement.pk}/suspend/"
    with nothing_changed():
        response = client.post(url, content_type="application/json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    client.get(f"/residents/{world.resident.pk}/")  # a page sets the token cookie, as in the browser
    token = client.cookies["csrftoken"].value
    assert client.post(url, content_type="application/json", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_a_page_form_without_the_csrf_token_is_refused(world, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    with nothing_changed():
        assert client.post(f"/residents/entitlements/{world.entitlement.pk}/suspend/").status_code == 403
