"""Every date and month parameter goes through one parser (config.dates): a year outside
1900–2999 is a 400 in DRF's shape on the parameter, never a 500 (issue 16)."""

import datetime

import pytest

from beneficiaries.forms import ClosureDayForm
from config.dates import parse_day, parse_month
from tests.factories import ResidentFactory
from tests.support import logged_in_client, nothing_changed

pytestmark = pytest.mark.django_db

FAR = ["9999-12-31", "1899-12-31", "0001-01-01"]


@pytest.mark.parametrize("text", ["2026-12-02", "1900-01-01", "2999-12-31"])
def test_a_day_in_range_is_read(text):
    assert parse_day(text) == datetime.date.fromisoformat(text)


@pytest.mark.parametrize("text", [*FAR, "2026-02-30", "20261202", "2026-W49-3", "2.12.2026", "", "2026-12-02 "])
def test_anything_else_is_not_a_day(text):
    with pytest.raises(ValueError):
        parse_day(text)


@pytest.mark.parametrize(("text", "first_day"), [("2026-12", (2026, 12, 1)), ("1900-01", (1900, 1, 1))])
def test_a_month_is_read_as_its_first_day(text, first_day):
    assert parse_month(text) == datetime.date(*first_day)


@pytest.mark.parametrize("text", ["3000-01", "1899-12", "2026-13", "2026-00", "2026-3", "2026-03-01", "", "x"])
def test_anything_else_is_not_a_month(text):
    with pytest.raises(ValueError):
        parse_month(text)


@pytest.mark.parametrize("far", FAR)
@pytest.mark.parametrize("name", ["from", "to"])
def test_the_session_list_refuses_a_day_out_of_range(workshop_client, name, far):
    response = workshop_client.get("/api/v1/workshops/sessions/", {name: far})

    assert response.status_code == 400
    assert isinstance(response.json()[name], list)


def test_the_session_list_takes_the_last_day_of_the_range(workshop_client):
    assert workshop_client.get("/api/v1/workshops/sessions/", {"to": "2999-12-31"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/meals/issues/", "date"),
        ("/api/v1/documents/", "date"),
        ("/api/v1/documents/", "created"),
        ("/api/v1/closure-days/", "from"),
        ("/api/v1/closure-days/", "to"),
    ],
)
@pytest.mark.parametrize("far", FAR)
def test_every_date_parameter_refuses_a_day_out_of_range(coordinator_client, url, name, far):
    response = coordinator_client.get(url, {name: far})

    assert response.status_code == 400
    assert isinstance(response.json()[name], list)


@pytest.mark.parametrize("far", FAR)
def test_eligibility_refuses_a_day_out_of_range(coordinator_client, far):
    resident = ResidentFactory()

    response = coordinator_client.get(
        f"/api/v1/residents/{resident.pk}/eligibility/", {"program": "hot_meal", "date": far}
    )

    assert response.status_code == 400
    assert isinstance(response.json()["date"], list)


def test_an_entitlement_ending_out_of_range_is_refused(coordinator_client):
    resident = ResidentFactory()
    body = {"program": "fead", "valid_from": "2026-01-01", "valid_to": "9999-12-31", "document_number": "FEPŻ/1"}

    with nothing_changed():
        response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")

    assert response.status_code == 400
    assert isinstance(response.json()["valid_to"], list)


@pytest.mark.parametrize("month", ["3000-01", "1899-12", "2026-13", "2026-3", "9999-12"])
def test_the_figures_refuse_a_month_out_of_range(workshop_client, month):
    response = workshop_client.get("/api/v1/workshops/figures/", {"month": month})

    assert response.status_code == 400
    assert isinstance(response.json()["month"], list)


@pytest.mark.parametrize("month", ["3000-01", "9999-12", "2026-13"])
def test_the_figures_page_shows_the_current_month_for_a_month_out_of_range(leader, month):
    response = logged_in_client(leader).get("/workshops/figures/", {"month": month})

    assert response.status_code == 200


@pytest.mark.parametrize("far", FAR)
def test_a_page_form_refuses_a_day_out_of_range_as_the_api_does(far):
    form = ClosureDayForm(data={"date": far, "reason": "remont"})

    assert not form.is_valid()
    assert form.errors["date"]


def test_a_page_form_takes_a_day_in_range():
    form = ClosureDayForm(data={"date": "2999-12-31", "reason": "remont"})

    assert form.is_valid(), form.errors
