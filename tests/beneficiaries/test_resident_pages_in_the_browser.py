"""A coordinator registers a resident on a tablet-sized screen in a real browser (Polish UI)."""

import datetime

import pytest
from playwright.sync_api import expect

from beneficiaries.models import Resident
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_registration_warns_about_a_duplicate_then_saves_anyway(login_page, live_server, make_resident, tmp_path):
    make_resident(first_name="Łukasz", last_name="Żółć", birth_date=datetime.date(1960, 5, 14))
    page = login_page(UserFactory(username="ewa", role="coordinator"))
    page.goto(f"{live_server.url}/residents/new/")
    page.fill("#id_last_name", "Zolc")
    page.fill("#id_first_name", "Lukasz")
    page.fill("#id_birth_date", "1960-05-14")
    page.fill("#id_street", "ul. Kasprowicza")
    expect(page.locator("#district-hint")).to_contain_text("Chorzów Stary")  # no eval: the CSP forbids it
    page.fill("#id_building", "2")
    page.click("button[type=submit].primary")
    page.wait_for_selector("#duplicates")
    page.screenshot(path=str(tmp_path / "duplicates.png"), full_page=True)
    assert "Ta osoba może być już zarejestrowana" in page.inner_text("#duplicates")
    assert Resident.objects.count() == 1
    page.get_by_role("button", name="Zapisz mimo to").click()
    page.wait_for_selector(".verdict")
    page.screenshot(path=str(tmp_path / "resident.png"), full_page=True)
    assert Resident.objects.count() == 2
    assert "Może dziś zjeść: nie, ponieważ" in page.inner_text("main")
    assert "brak decyzji na gorący posiłek" in page.inner_text("main")


def test_a_scanner_typing_a_card_number_and_enter_opens_the_resident(login_page, live_server, make_resident):
    resident = make_resident(first_name="Anna", last_name="Nowak")
    page = login_page(UserFactory(username="ola", role="distribution"))
    page.goto(f"{live_server.url}/residents/")
    expect(page.locator("#id_search")).to_be_focused()
    page.keyboard.type(resident.card_number + "\n")  # the search box has the focus
    page.wait_for_url(f"**/residents/{resident.pk}/")
    assert "Nowak Anna" in page.inner_text("h1")
