"""Fixtures shared by every app's tests, and the rule that CI skips nothing."""

import importlib
import os

import pytest
import time_machine
from django.db import connection
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.support import NOW


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


def _restore_migration_data():
    """Put back what migrations seed (role groups, street register, income tables).

    A transactional test (threads, browser, Celery worker) ends with a flush that empties
    every table, migration-seeded rows included; the next test must still find them.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group

    from beneficiaries.models import IncomeCriterion, Street
    from config.roles_setup import PROJECT_APPS, grant_coordinator_permissions

    if not Group.objects.filter(name="coordinator", permissions__isnull=False).exists():
        importlib.import_module("config.migrations.0001_roles").create_roles(apps, None)
        for label in PROJECT_APPS:  # the admin permissions post_migrate gave coordinators
            grant_coordinator_permissions(apps.get_app_config(label))
    if not Street.objects.exists() or not IncomeCriterion.objects.exists():
        importlib.import_module("beneficiaries.migrations.0002_seed_reference_data").seed(apps, None)


@pytest.fixture(autouse=True)
def _migration_data(request):
    marker = request.node.get_closest_marker("django_db")
    uses_db = {"db", "transactional_db"} & set(request.fixturenames)
    if marker is None and not uses_db:
        return
    transactional = (marker is not None and marker.kwargs.get("transaction", False)) or (
        "transactional_db" in request.fixturenames
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    _restore_migration_data()


# --- The clock --------------------------------------------------------------------------------


@pytest.fixture
def frozen_moment():
    """Where ``frozen_clock`` starts: Wednesday 4 March 2026, 11:30 in Warsaw (tests.support.NOW).

    A folder whose tests live on another day overrides this fixture in its conftest.
    """
    return NOW


@pytest.fixture
def frozen_clock(frozen_moment):
    """The clock set to ``frozen_moment`` for the test; it keeps ticking, so times written one
    after another still follow each other. Yields time-machine's traveller: ``move_to(moment)``
    jumps elsewhere, ``shift(timedelta)`` moves on.
    """
    with time_machine.travel(frozen_moment, tick=True) as traveller:
        yield traveller


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


@pytest.fixture
def media_root(settings, tmp_path):
    """Documents are written to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- Real Celery worker ---------------------------------------------------------------------


@pytest.fixture
def celery_worker_on_broker(transactional_db):
    """A real Celery worker (in a thread of this process) consuming from the configured broker.

    With REDIS_URL set that is real Redis; the worker shares the test database, so tests that
    use it run with ``transactional_db`` and see committed rows.
    """
    from celery.contrib.testing.worker import start_worker

    from tasks.celery import app

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


# --- Real browser ---------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    import shutil

    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    path = _chromium_path()
    if not path:
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
    # test body are still synchronous, so allow them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="pl-PL", viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def login_page(page, live_server):
    """Log ``user`` in through the real login form; returns the page."""

    def login(user, password="test-password-123"):
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("main form[action='/login/'] button[type=submit]")
        page.wait_for_load_state("networkidle")
        assert "/login/" not in page.url, "login failed"
        return page

    return login


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing(django_test_environment):
    """Test users need no brute-force resistance; the real hasher costs seconds per suite."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _login_counters_of_this_test(monkeypatch):
    """Failed logins stay counted in the shared cache for a while: each test counts on its own keys."""
    from config import throttling

    monkeypatch.setattr(throttling, "KEY_PREFIX", f"login-failures-{os.urandom(8).hex()}")
