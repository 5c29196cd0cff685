"""Fixtures of the documents tests (helpers are in tests/tasks/helpers.py)."""

import pytest


@pytest.fixture(autouse=True)
def _documents_in_a_folder_of_the_tests_own(media_root):
    """Every documents test writes its files under its own MEDIA_ROOT (the root conftest's ``media_root``)."""
