"""Coordinator pages: search, the resident with today's eligibility, create/edit with the duplicate check."""

import datetime

import pytest
from django.test import Client

from beneficiaries.models import Resident
from tests.factories import UserFactory
from tests.support import logged_in_client, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def coordinator_page(coordinator):
    return logged_in_client(coordinator, **EN)


@pytest.fixture
def counter_page(distributor):
    return logged_in_client(distributor, **EN)


@pytest.fixture
def frozen_moment():
    """These pages judge eligibility on a Monday: 2 March 2026, 11:00 in Warsaw."""
    return datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def test_every_role_may_search_residents(make_resident):
    make_resident(first_name="Łukasz", last_name="Żółć")
    for role in ("distribution", "workshop", "coordinator"):
        client = Client(**EN)
        client.force_login(UserFactory(role=role))
        page = client.get("/residents/", {"search": "zolc"}).content.decode()
        assert "Żółć" in page


def test_a_scanned_card_opens_the_resident(counter_page, make_resident):
    resident = make_resident()
    response = counter_page.get("/residents/", {"search": resident.card_number})
    assert response.status_code == 302
    assert response["Location"] == f"/residents/{resident.pk}/"


def test_the_resident_page_says_who_may_eat_today(counter_page, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident)
    page = counter_page.get(f"/residents/{resident.pk}/").content.decode()
    assert "May eat today: yes" in page
    assert "May take part in a FEAD workshop today: no, because" in page
    assert "no FEAD referral" in page


def test_the_resident_page_says_why_not(counter_page, make_resident, give_entitlement, coordinator):
    from beneficiaries.services.entitlements import entitlement_suspend

    resident = make_resident(street="Wolności")
    entitlement_suspend(entitlement=give_entitlement(resident), by=coordinator)
    page = counter_page.get(f"/residents/{resident.pk}/").content.decode()
    assert "May eat today: no, because" in page
    assert "the decision is suspended" in page
    assert "lives outside Chorzów Stary and Maciejkowice" in page


def test_the_resident_page_is_polish_by_default(coordinator, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident)
    client = Client()
    client.force_login(coordinator)
    page = client.get(f"/residents/{resident.pk}/").content.decode()
    assert "Może dziś zjeść: tak" in page


def test_read_only_roles_see_no_edit_buttons_and_cannot_open_forms(counter_page, make_resident):
    resident = make_resident(pesel="44051401359")
    page = counter_page.get(f"/residents/{resident.pk}/").content.decode()
    assert f"/residents/{resident.pk}/edit/" not in page
    assert "44051401359" not in page
    assert counter_page.get(f"/residents/{resident.pk}/edit/").status_code == 403
    assert counter_page.get("/residents/new/").status_code == 403
    assert counter_page.get("/residents/streets/").status_code == 403


def test_coordinator_sees_card_button_and_pesel(coordinator_page, make_resident):
    resident = make_resident(pesel="44051401359")
    page = coordinator_page.get(f"/residents/{resident.pk}/").content.decode()
    assert f"/api/v1/residents/{resident.pk}/card/" in page
    assert "44051401359" in page


NEW = {
    "first_name": "Łukasz",
    "last_name": "Żółć",
    "birth_date": "1960-05-14",
    "street": "ul. Główna",
    "building": "3",
}


def test_creating_a_resident_redirects_to_the_new_resident(coordinator_page):
    response = coordinator_page.post("/residents/new/", NEW)
    resident = Resident.objects.get()
    assert response["Location"] == f"/residents/{resident.pk}/"
    assert resident.district == "maciejkowice"
    assert resident.card_number


def test_possible_duplicates_are_shown_before_saving_then_save_anyway(coordinator_page, make_resident):
    existing = make_resident(first_name="Lukasz", last_name="ZOLC", birth_date=datetime.date(1960, 5, 14))
    check = coordinator_page.post("/residents/new/", NEW)
    assert check.status_code == 200
    page = check.content.decode()
    assert "This person may already be registered" in page
    assert f"/residents/{existing.pk}/" in page
    assert "Save anyway" in page
    assert Resident.objects.count() == 1
    saved = coordinator_page.post("/residents/new/", {**NEW, "confirmed_duplicates": str(existing.pk)})
    assert saved.status_code == 302
    assert Resident.objects.count() == 2


def test_a_new_duplicate_appearing_after_confirmation_is_shown_again(coordinator_page, make_resident):
    first = make_resident(first_name="Łukasz", last_name="Żółć", birth_date=datetime.date(1960, 5, 14))
    make_resident(first_name="Łukasz", last_name="Żółć", birth_date=datetime.date(1960, 5, 14), street="Mazurska")
    with nothing_changed():
        response = coordinator_page.post("/residents/new/", {**NEW, "confirmed_duplicates": str(first.pk)})
    assert response.status_code == 200
    assert Resident.objects.count() == 2


def test_the_form_asks_for_a_birth_date_when_there_is_no_pesel(coordinator_page):
    with nothing_changed():
        response = coordinator_page.post("/residents/new/", {**NEW, "birth_date": ""})
    assert response.status_code == 200
    assert "Give the PESEL or, when the person has none, the birth date." in response.content.decode()
    assert not Resident.objects.exists()


def test_a_taken_pesel_is_shown_on_the_form(coordinator_page, make_resident):
    make_resident(first_name="Ewa", last_name="Inna", pesel="44051401359")
    with nothing_changed():
        response = coordinator_page.post("/residents/new/", {**NEW, "birth_date": "", "pesel": "44051401359"})
    assert response.status_code == 200
    assert "A resident with this PESEL is already registered." in response.content.decode()


def test_editing_saves_changes(coordinator_page, make_resident):
    resident = make_resident()
    form = coordinator_page.get(f"/residents/{resident.pk}/edit/")
    assert form.status_code == 200
    data = {**NEW, "version": 1, "is_active": "on", "phone": "600"}
    assert coordinator_page.post(f"/residents/{resident.pk}/edit/", data).status_code == 302
    resident.refresh_from_db()
    assert (resident.last_name, resident.phone, resident.version) == ("Żółć", "600", 2)


def test_a_stale_edit_is_refused_with_a_message(coordinator_page, make_resident, coordinator):
    from beneficiaries.services.residents import resident_update

    resident = make_resident()
    resident_update(resident=resident, by=coordinator, phone="111")  # someone else, meanwhile
    data = {**NEW, "version": 1, "is_active": "on", "phone": "222"}
    with nothing_changed():
        response = coordinator_page.post(f"/residents/{resident.pk}/edit/", data)
    assert response.status_code == 200
    assert "Someone else has changed this resident in the meantime" in response.content.decode()
    resident.refresh_from_db()
    assert resident.phone == "111"


def test_adding_suspending_and_resuming_an_entitlement(coordinator_page, make_resident):
    resident = make_resident()
    body = {
        "program": "hot_meal",
        "document_number": "OPS.8220.5.2026",
        "valid_from": "2026-03-01",
        "valid_to": "2026-12-31",
        "weekdays": ["1", "2", "3", "4", "5"],
    }
    assert coordinator_page.post(f"/residents/{resident.pk}/entitlements/new/", body).status_code == 302
    entitlement = resident.entitlements.get()
    assert entitlement.weekdays == "12345"
    assert "May eat today: yes" in coordinator_page.get(f"/residents/{resident.pk}/").content.decode()
    coordinator_page.post(f"/residents/entitlements/{entitlement.pk}/suspend/")
    entitlement.refresh_from_db()
    assert entitlement.status == "suspended"
    coordinator_page.post(f"/residents/entitlements/{entitlement.pk}/resume/")
    entitlement.refresh_from_db()
    assert entitlement.status == "active"


def test_a_failed_income_test_is_shown_on_the_entitlement_form(coordinator_page, make_resident):
    resident = make_resident()
    body = {
        "program": "hot_meal",
        "document_number": "OPS.1",
        "valid_from": "2026-03-01",
        "valid_to": "2026-12-31",
        "weekdays": ["1"],
        "household_size": "3",
        "monthly_income": "1646.01",
    }
    with nothing_changed():
        response = coordinator_page.post(f"/residents/{resident.pk}/entitlements/new/", body)
    assert response.status_code == 200
    assert "exceeds the limit of 1646.00" in response.content.decode()
    assert not resident.entitlements.exists()
