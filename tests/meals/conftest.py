"""Fixtures of the meal tests (helpers are in tests/meals/helpers.py)."""

import pytest
import time_machine

from tests.meals.helpers import NOW


@pytest.fixture
def now():
    """Freeze the clock at NOW (ticking, so issue times still follow each other)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller
