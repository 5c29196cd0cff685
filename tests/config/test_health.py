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
