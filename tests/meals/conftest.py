"""The counter page in a real browser, shared by the counter's browser tests."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory


@pytest.fixture
def counter(login_page, live_server):
    """The counter page, logged in as Lena at the point; the lookup field has the focus."""
    user = UserFactory(username="lena", role="distribution", first_name="Lena", last_name="Kos")
    page = login_page(user)
    page.goto(f"{live_server.url}/meals/counter/")
    expect(page.locator("#summary")).to_contain_text("Wydano 0 z")
    expect(page.locator("#lookup")).to_be_focused()
    return page
