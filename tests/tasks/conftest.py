"""Fixtures of the documents tests (helpers are in tests/tasks/helpers.py)."""

import pytest
import time_machine

from tests.tasks.helpers import NOW


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
