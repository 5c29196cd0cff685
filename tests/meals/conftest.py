"""Fixtures of the meal tests (helpers are in tests/meals/helpers.py)."""

import pytest
import time_machine
from django.contrib.auth.models import Group

from config.roles import Role
from tests.meals.helpers import NOW


@pytest.fixture(autouse=True)
def _role_groups(request):
    """The role groups come from a migration; a transactional test's flush removes them."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    for role in Role:
        Group.objects.get_or_create(name=role.value)


@pytest.fixture
def now():
    """Freeze the clock at NOW (ticking, so issue times still follow each other)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def login_page(page, live_server):
    """tests/conftest.py's ``login_page``, submitting the login form itself.

    The shared fixture clicks the first ``button[type=submit]`` of the page, which is the
    header's language switch ("PL"), so nobody gets logged in. Remove this override once the
    shared one submits ``#main form``.
    """

    def login(user, password="test-password-123"):
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("#main form button[type=submit]")
        page.wait_for_load_state("networkidle")
        return page

    return login
