import logging

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.mark.django_db
def test_healthz_needs_no_login_and_reports_database_and_broker():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
@pytest.mark.timeout(5)
def test_a_down_broker_is_reported_without_failing_the_check(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "unavailable"}


@pytest.mark.django_db
def test_a_down_database_answers_503(monkeypatch):
    class DeadCursor:
        def __enter__(self):
            raise OperationalError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr("config.health.connection.cursor", lambda: DeadCursor())
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.fixture
def production_hosts(settings):
    """The values of .env.example: one public host name, HTTPS enforced."""
    settings.ALLOWED_HOSTS = ["cps.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    return settings


@pytest.mark.django_db
def test_the_container_health_check_is_answered_with_production_allowed_hosts(production_hosts, caplog):
    with caplog.at_level(logging.WARNING):
        # What `curl http://127.0.0.1:8000/healthz` in docker-compose.yml sends: an address as Host, plain HTTP.
        response = Client().get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}
    assert caplog.records == []  # no "Invalid HTTP_HOST header" error in the log at every probe


@pytest.mark.django_db
def test_every_other_path_still_refuses_a_host_not_in_allowed_hosts(production_hosts):
    assert Client().get("/login/", HTTP_HOST="127.0.0.1:8000").status_code == 400
    assert Client().get("/healthz/", HTTP_HOST="127.0.0.1:8000").status_code == 400
    assert Client().get("/login/", HTTP_HOST="cps.example.org", secure=True).status_code == 200
