"""Fixtures of the documents tests (helpers are in tests/tasks/helpers.py)."""

import pytest
import time_machine
from django.contrib.auth.models import Group

from config.roles import Role
from tests.tasks.helpers import NOW


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


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Documents are written to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def now():
    """Freeze the clock at NOW (ticking, so times still follow each other)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller
