"""Helpers for the meal tests (the day, the clock and eligible residents are in tests/support.py,
the root conftest and tests/factories.py)."""

ISSUES_URL = "/api/v1/meals/issues/"
