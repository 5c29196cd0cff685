"""Coordinator pages for the street register, the income tables and closure days."""

import datetime
from decimal import Decimal

import pytest

from beneficiaries.calendar import point_is_open
from beneficiaries.models import ClosureDay, IncomeCriterion, ProgramIncomePercentage, Street
from config.models import AuditEvent
from tests.support import logged_in_client, nothing_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(coordinator):
    return logged_in_client(coordinator, HTTP_ACCEPT_LANGUAGE="en")


def test_the_street_register_lists_checks_and_adds_streets(page):
    listing = page.get("/residents/streets/", {"check": "ul. Kasprowicza 2"}).content.decode()
    assert "Jana Kasprowicza" in listing
    assert "Chorzów Stary" in listing
    assert (
        page.post(
            "/residents/streets/", {"form": "street", "street-name": "Wolności", "street-district": "other"}
        ).status_code
        == 302
    )
    assert Street.objects.get(name="Wolności").name_folded == "wolnosci"
    assert AuditEvent.objects.filter(action="street.create").exists()


def test_a_street_already_in_the_register_is_refused_on_the_page(page):
    with nothing_changed():
        response = page.post(
            "/residents/streets/", {"form": "street", "street-name": "GŁÓWNA", "street-district": "other"}
        )
    assert response.status_code == 200
    assert "This street is already in the register." in response.content.decode()


def test_a_street_is_edited_and_deleted(page):
    street = Street.objects.get(name="Kolejowa")
    edit = page.post(f"/residents/street/{street.pk}/edit/", {"name": "Kolejowa", "district": "maciejkowice"})
    assert edit.status_code == 302
    street.refresh_from_db()
    assert street.district == "maciejkowice"
    assert page.post(f"/residents/street/{street.pk}/delete/").status_code == 302
    assert not Street.objects.filter(pk=street.pk).exists()
    assert AuditEvent.objects.get(action="street.delete").before["name"] == "Kolejowa"


def test_the_criteria_tables_are_shown_and_extended(page):
    listing = page.get("/residents/criteria/").content.decode()
    assert "1010.00" in listing
    assert "265.00" in listing
    response = page.post(
        "/residents/criteria/",
        {
            "form": "criterion",
            "criterion-valid_from": "2027-01-01",
            "criterion-single_person": "1100",
            "criterion-per_person": "900",
        },
    )
    assert response.status_code == 302
    assert IncomeCriterion.objects.get(valid_from=datetime.date(2027, 1, 1)).per_person == Decimal("900")
    response = page.post(
        "/residents/criteria/",
        {
            "form": "percentage",
            "percentage-program": "fead",
            "percentage-valid_from": "2027-01-01",
            "percentage-percent": "270",
        },
    )
    assert response.status_code == 302
    assert ProgramIncomePercentage.objects.filter(program="fead").count() == 4


def test_a_percentage_row_is_edited(page):
    row = ProgramIncomePercentage.objects.get(program="hot_meal")
    response = page.post(
        f"/residents/percentage/{row.pk}/edit/", {"program": "hot_meal", "valid_from": "2024-01-01", "percent": "210"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.percent == Decimal("210")


def test_a_closure_day_closes_the_point_and_can_be_removed(page):
    day = datetime.date(2026, 3, 3)
    response = page.post(
        "/residents/closures/", {"form": "closure", "closure-date": day.isoformat(), "closure-reason": "Awaria"}
    )
    assert response.status_code == 302
    assert not point_is_open(day)
    closure = ClosureDay.objects.get(date=day)
    assert page.post(f"/residents/closure/{closure.pk}/delete/").status_code == 302
    assert point_is_open(day)


def test_the_closure_page_lists_public_holidays(page):
    assert page.get("/residents/closures/").status_code == 200


def test_an_unknown_reference_kind_is_404(page):
    assert page.get("/residents/resident/1/edit/").status_code == 404
    assert page.get("/residents/street/999999/edit/").status_code == 404


def test_closure_days_api(coordinator_client, distribution_client):
    created = coordinator_client.post(
        "/api/v1/closure-days/", {"date": "2026-03-03", "reason": "Awaria"}, format="json"
    )
    assert created.status_code == 201
    with nothing_changed():
        again = coordinator_client.post("/api/v1/closure-days/", {"date": "2026-03-03"}, format="json")
    assert again.status_code == 400
    assert "date" in again.json()
    listing = distribution_client.get("/api/v1/closure-days/", {"from": "2026-03-01", "to": "2026-03-31"}).json()
    assert [d["date"] for d in listing["results"]] == ["2026-03-03"]
    assert distribution_client.get("/api/v1/closure-days/", {"from": "2026-04-01"}).json()["count"] == 0
    day_id = created.json()["id"]
    assert coordinator_client.delete(f"/api/v1/closure-days/{day_id}/").status_code == 204
    assert point_is_open(datetime.date(2026, 3, 3))
