"""The "Wydruki" page in real Chromium with a real worker: generate, watch it get ready, download, warn."""

import pytest
from playwright.sync_api import expect

from tasks.models import Document
from tests.factories import UserFactory, eligible_resident
from tests.tasks.helpers import pdf_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("frozen_clock", "celery_worker_on_broker"),
]


@pytest.fixture
def printouts(login_page, live_server):
    """Logged in through the real form as a coordinator, on the "Wydruki" page."""
    page = login_page(UserFactory(username="ola", role="coordinator", first_name="Ola", last_name="Żak"))
    page.goto(f"{live_server.url}/documents/")
    return page


def test_a_list_is_generated_and_becomes_ready_without_a_reload(printouts, tmp_path):
    eligible_resident(last_name="Żółć", first_name="Łukasz")
    page = printouts
    page.evaluate("window.notReloaded = true")
    roster_form = page.locator("form.request-document", has=page.locator("input[value=meal_roster]")).first
    roster_form.get_by_role("button", name="Generuj").click()

    row = page.locator("#documents tbody tr[data-id]").first
    expect(row.locator("[data-role=status]")).to_have_text("gotowy", timeout=30_000)
    assert page.evaluate("window.notReloaded") is True
    expect(row).to_contain_text("Lista odbioru posiłków – 4.03.2026")

    with page.expect_download() as download:
        row.get_by_role("link", name="Pobierz PDF").click()
    path = tmp_path / "roster.pdf"
    download.value.save_as(path)
    assert "Żółć Łukasz" in pdf_text(path.read_bytes())
    assert download.value.suggested_filename == "lista-posilkow-2026-03-04.pdf"


def test_printing_a_list_again_the_same_day_asks_first(printouts):
    page = printouts
    roster_form = page.locator("form.request-document", has=page.locator("input[value=meal_roster]")).first
    roster_form.get_by_role("button", name="Generuj").click()
    row = page.locator("#documents tbody tr[data-id]").first
    expect(row.locator("[data-role=status]")).to_have_text("gotowy", timeout=30_000)
    with page.expect_download():
        row.get_by_role("link", name="Pobierz PDF").click()

    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    roster_form.get_by_role("button", name="Generuj").click()
    expect(page.locator("#documents tbody tr[data-id]")).to_have_count(1)  # declined: nothing requested
    assert messages and "została już dziś wydrukowana" in messages[0]

    page.once("dialog", lambda dialog: dialog.accept())
    roster_form.get_by_role("button", name="Generuj").click()
    expect(row.locator("[data-role=status]")).to_have_text("gotowy")
    expect(page.locator("#documents tbody tr[data-id]")).to_have_count(1)  # the same data: the same list
    assert Document.objects.count() == 1


def test_a_list_made_again_after_its_data_changed_marks_the_older_one_outdated(printouts):
    eligible_resident(last_name="Nowak", first_name="Anna")
    page = printouts
    roster_form = page.locator("form.request-document", has=page.locator("input[value=meal_roster]")).first
    roster_form.get_by_role("button", name="Generuj").click()
    first = page.locator("#documents tbody tr[data-id]").first
    expect(first.locator("[data-role=status]")).to_have_text("gotowy", timeout=30_000)
    eligible_resident(last_name="Lis", first_name="Ewa")  # a decision entered meanwhile

    roster_form.get_by_role("button", name="Generuj").click()

    rows = page.locator("#documents tbody tr[data-id]")
    expect(rows).to_have_count(2)
    expect(rows.nth(1).locator("[data-role=outdated]")).to_have_text("nieaktualna: dane się od tego czasu zmieniły")
    expect(rows.nth(0).locator("[data-role=outdated]")).to_have_count(0)
    page.reload()  # the server says the same
    expect(page.locator("#documents tbody tr[data-id]").nth(1).locator("[data-role=outdated]")).to_have_count(1)
    expect(page.locator("#documents tbody tr[data-id]").nth(0).locator("[data-role=outdated]")).to_have_count(0)


def test_a_refused_request_shows_the_reason_next_to_the_form(printouts):
    page = printouts
    roster_form = page.locator("form.request-document", has=page.locator("input[value=meal_roster]")).first
    roster_form.locator("input[type=date]").fill("2026-03-08")  # a Sunday
    roster_form.get_by_role("button", name="Generuj").click()
    expect(roster_form.locator("[role=alert]")).to_have_text("Punkt wydawania posiłków jest tego dnia nieczynny.")
    assert not Document.objects.exists()
