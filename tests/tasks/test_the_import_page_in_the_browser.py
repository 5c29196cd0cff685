"""The "Import" page in real Chromium: upload a spreadsheet export, read the dry run, apply it;
a file for the worker shows its progress and then its outcome without a manual reload."""

import pytest
from playwright.sync_api import expect

from beneficiaries.models import Resident
from tests.beneficiaries.import_files import csv_file, row
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [row(), row(nazwisko="Żółć", imie="Łucja", pesel="", data_urodzenia="14.05.1960"), row(od="31.02.2026")]


@pytest.fixture
def import_page(login_page, live_server, tmp_path):
    page = login_page(UserFactory(username="ola", role="coordinator"))
    page.goto(f"{live_server.url}/imports/")
    path = tmp_path / "decyzje.csv"
    path.write_bytes(csv_file(ROWS, separator=",", encoding="cp1250"))
    page.set_input_files("input[type=file]", str(path))
    return page


def test_a_file_is_checked_then_applied(import_page):
    page = import_page
    page.get_by_role("button", name="Sprawdź plik").click()
    expect(page.locator("#import-summary")).to_contain_text("nowe osoby: 2")
    expect(page.locator("#import-rows tr[data-action=error]")).to_contain_text("od")
    assert not Resident.objects.exists()

    page.get_by_role("button", name="Wykonaj import").click()
    expect(page.locator("#import-run")).to_contain_text("Wykonano")
    expect(page.locator("#import-rows tr[data-action=create] a")).to_have_count(2)
    assert sorted(Resident.objects.values_list("last_name", flat=True)) == ["Kowalski", "Żółć"]


@pytest.mark.redis
@pytest.mark.usefixtures("celery_worker_on_broker")
def test_a_file_for_the_worker_shows_its_outcome_when_done(import_page, settings):
    settings.IMPORT_INLINE_ROWS = 1
    page = import_page
    page.get_by_role("button", name="Sprawdź plik").click()
    expect(page.locator("#import-summary")).to_contain_text("nowe osoby: 2", timeout=30_000)
    expect(page.get_by_role("button", name="Wykonaj import")).to_be_visible()
