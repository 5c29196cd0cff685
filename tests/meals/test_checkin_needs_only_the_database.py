"""The check-in path: a fixed, small number of queries, and no Redis or Celery on it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from meals.models import MealIssue
from tests.factories import EntitlementFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def checkin_queries() -> int:
    """Role (1); one read: the resident, entitlements, closure day and client_ref (1); the write.

    On PostgreSQL the write is one statement, the issue and its audit event (1). Elsewhere it
    is INSERT ... ON CONFLICT and the audit event in a transaction, here a savepoint pair
    nested in the test's own (4).
    """
    return 3 if connection.vendor == "postgresql" else 6


def _queries_of_a_checkin(user, body) -> int:
    """Queries of one check-in by a freshly loaded user (the role is read once per request)."""
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(pk=user.pk))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(ISSUES_URL, body, format="json")
    assert response.status_code == 201, response.content
    return len(queries)


def test_a_checkin_by_id_takes_a_fixed_number_of_queries(distribution_client, django_assert_num_queries):
    resident = eligible_resident()

    with django_assert_num_queries(checkin_queries()):
        distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")


def test_the_count_does_not_grow_with_entitlements_or_earlier_meals(distributor):
    simple, busy = eligible_resident(), eligible_resident()
    EntitlementFactory.create_batch(5, resident=busy)
    for days_ago in range(1, 6):
        MealIssue.objects.create(
            resident=busy,
            date=DAY - datetime.timedelta(days=days_ago),
            issued_at=NOW - datetime.timedelta(days=days_ago),
            issued_by=distributor,
        )

    assert _queries_of_a_checkin(distributor, {"resident": simple.pk}) == checkin_queries()
    assert _queries_of_a_checkin(distributor, {"card": busy.card_number}) == checkin_queries()


def test_a_client_ref_costs_no_extra_query(distributor):
    first, second = eligible_resident(), eligible_resident()

    assert _queries_of_a_checkin(distributor, {"resident": first.pk}) == checkin_queries()
    assert _queries_of_a_checkin(distributor, {"resident": second.pk, "client_ref": "r"}) == checkin_queries()


def test_a_retry_with_the_same_client_ref_takes_two_queries(distributor, distribution_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "client_ref": "retry"}
    distribution_client.post(ISSUES_URL, body, format="json")
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(pk=distributor.pk))

    with CaptureQueriesContext(connection) as queries:
        assert client.post(ISSUES_URL, body, format="json").status_code == 200

    assert len(queries) == 3  # role, the check-in read (which sees the client_ref), the earlier issue


def test_a_checkin_works_with_redis_and_the_broker_down(distribution_client, settings):
    dead = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": dead,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CELERY_BROKER_URL = dead
    with pytest.raises(Exception):  # noqa: B017  the cache really is unreachable
        caches["default"].get("probe")
    resident = eligible_resident()

    response = distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "no-redis"}, format="json")

    assert response.status_code == 201
    assert MealIssue.objects.filter(client_ref="no-redis").exists()
