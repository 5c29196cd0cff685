"""Fixtures shared by every app's tests, and the rule that CI skips nothing."""

import os

import pytest
from django.db import connection
from rest_framework.test import APIClient

from tests.factories import UserFactory


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL- and Redis-only tests where those servers are absent (never in CI)."""
    no_postgres = not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))
    no_redis = not os.environ.get("REDIS_URL")
    for item in items:
        if no_postgres and "postgres" in item.keywords:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL"))
        if no_redis and "redis" in item.keywords:
            item.add_marker(pytest.mark.skip(reason="needs Redis: set REDIS_URL"))


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: nothing may pass by not running."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and session.exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) were skipped; failing the run.", red=True)
        session.exitstatus = 1


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coord", role="coordinator")


@pytest.fixture
def distributor(db):
    return UserFactory(username="counter", role="distribution")


@pytest.fixture
def leader(db):
    return UserFactory(username="leader", role="workshop")


def _client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api_client():
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def coordinator_client(coordinator):
    return _client_for(coordinator)


@pytest.fixture
def distribution_client(distributor):
    return _client_for(distributor)


@pytest.fixture
def workshop_client(leader):
    return _client_for(leader)
