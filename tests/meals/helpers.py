"""Helpers for the meal tests (the day, the clock and eligible residents are in tests/support.py,
the root conftest and tests/factories.py)."""

ISSUES_URL = "/api/v1/meals/issues/"


def scan(page, card_number: str):
    """A barcode scanner is a keyboard: it types the digits and Enter into the focused field."""
    page.keyboard.type(card_number)
    page.keyboard.press("Enter")
