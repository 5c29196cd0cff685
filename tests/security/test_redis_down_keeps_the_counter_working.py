"""Redis (broker and cache) killed: check-in, sign-up, login and pages go on; documents wait and then arrive.

The service runs on a redis-server of this test's own, killed with SIGKILL and started again
on the same port; the machine's Redis is never touched. A real Celery worker produces the
waiting document once the broker is back and the sweeper has re-queued it.
"""

import datetime

import pytest
from celery.contrib.testing.worker import start_worker
from django.test import Client
from django.utils import timezone

from tasks.celery import app
from tasks.models import Document, DocumentStatus
from tasks.services import documents_sweep, stale_after
from tests.processes import PrivateRedis, celery_broker_at, wait_for
from tests.security import figures
from tests.security.conftest import api_client_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis(settings):
    """The service's broker and cache on a private redis-server (results stay where settings put them)."""
    server = PrivateRedis().start()
    settings.REDIS_URL = server.url
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": server.url},
    }
    with celery_broker_at(server.url):
        yield server
    server.kill()


def test_the_counter_workshops_login_and_pages_work_without_redis(redis, world, distributor, leader, coordinator):
    redis.kill()
    figures.add("faults_injected")

    checkin = api_client_for(distributor).post("/api/v1/meals/issues/", {"resident": world.other_resident.pk})
    assert checkin.status_code == 201
    signup = api_client_for(leader).post(
        f"/api/v1/workshops/sessions/{world.session.pk}/signups/", {"resident": world.other_resident.pk}
    )
    assert signup.status_code == 201
    token = api_client_for(None).post("/api/v1/auth/token/", {"username": "counter", "password": "test-password-123"})
    assert token.status_code == 200
    browser = Client()
    assert browser.post("/login/", {"username": "coord", "password": "test-password-123"}).status_code == 302
    for page in ("/meals/counter/", "/residents/", f"/residents/{world.resident.pk}/", "/workshops/", "/documents/"):
        assert browser.get(page).status_code == 200, page
    health = Client().get("/healthz")
    assert health.status_code == 200 and health.json() == {"database": "ok", "broker": "unavailable"}
    figures.add("faults_lost", 0)


def test_a_document_asked_for_without_redis_says_printing_is_delayed_then_arrives(
    redis, world, coordinator, frozen_clock
):
    redis.kill()
    figures.add("faults_injected")
    response = api_client_for(coordinator).post("/api/v1/documents/", {"kind": "monthly_meals", "month": "2026-02"})
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "pending" and body["queued"] is False
    assert "później" in body["notice"]  # "... zostanie przygotowany później"
    page = Client()
    page.force_login(coordinator)
    form = page.post("/documents/", {"kind": "monthly_meals", "month": "2026-01"}, follow=True)
    assert "kolejka jest niedostępna" in form.content.decode()

    waiting = Document.objects.filter(subject__in=("2026-01", "2026-02"))
    assert list(waiting.values_list("status", flat=True)) == ["pending", "pending"]
    redis.start()  # the broker returns (same port); the sweeper re-queues, a worker produces
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        assert documents_sweep(now=timezone.now() + stale_after() + datetime.timedelta(seconds=1))["requeued"] == 2
        wait_for(lambda: waiting.filter(status=DocumentStatus.READY).count() == 2, 90, "both documents produced")
    assert waiting.filter(attempts=2).count() == 2 and all(document.file for document in waiting)
    figures.add("faults_lost", 0)
