"""Funding: under the programme a failing income test is refused, under own funds it is recorded."""

import datetime
from decimal import Decimal

import pytest

from beneficiaries.income import income_limit
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

D = datetime.date
LIMIT = "1646.00"  # 2025, hot meal, household of 3 (docs/domain.md#income-test, its example)


def decision(income: str, **fields) -> dict:
    return {
        "program": "hot_meal",
        "valid_from": "2025-02-03",
        "valid_to": "2025-12-31",
        "document_number": "OPS.8220.7.2025",
        "household_size": 3,
        "monthly_income": income,
        **fields,
    }


def post(client, resident, body):
    return client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")


def test_programme_funding_is_the_default_and_is_echoed(coordinator_client, make_resident):
    response = post(coordinator_client, make_resident(), decision(LIMIT))
    assert response.status_code == 201
    assert response.json()["funding"] == "programme"
    assert response.json()["income_test"] == {"passed": True, "limit": LIMIT}


def test_one_grosz_over_the_limit_under_the_programme_is_refused_and_names_own_funds(coordinator_client, make_resident):
    resident = make_resident()
    with nothing_changed():
        response = post(coordinator_client, resident, decision("1646.01", funding="programme"))
    assert response.status_code == 400
    [message] = response.json()["monthly_income"]
    assert "own_funds" in message
    assert "1646.00" in message


def test_one_grosz_over_the_limit_under_own_funds_is_recorded_as_failed(coordinator_client, make_resident):
    resident = make_resident()
    response = post(coordinator_client, resident, decision("1646.01", funding="own_funds"))
    assert response.status_code == 201
    assert response.json()["funding"] == "own_funds"
    assert response.json()["income_test"] == {"passed": False, "limit": LIMIT}
    entitlement = resident.entitlements.get()
    assert (entitlement.funding, entitlement.income_limit) == ("own_funds", Decimal(LIMIT))


def test_at_the_limit_under_own_funds_the_test_is_recorded_as_passed(coordinator_client, make_resident):
    response = post(coordinator_client, make_resident(), decision(LIMIT, funding="own_funds"))
    assert response.status_code == 201
    assert response.json()["income_test"] == {"passed": True, "limit": LIMIT}


def test_without_income_there_is_no_income_test(coordinator_client, make_resident):
    body = decision(LIMIT, funding="own_funds")
    del body["monthly_income"], body["household_size"]
    response = post(coordinator_client, make_resident(), body)
    assert response.status_code == 201
    assert response.json()["income_test"] is None


def test_an_unknown_funding_is_a_400(coordinator_client, make_resident):
    resident = make_resident()
    with nothing_changed():
        response = post(coordinator_client, resident, decision(LIMIT, funding="sponsor"))
    assert response.status_code == 400
    assert "funding" in response.json()


def test_only_coordinators_see_the_income_test(workshop_client, coordinator_client, make_resident):
    resident = make_resident()
    post(coordinator_client, resident, decision("1700.00", funding="own_funds"))
    [entitlement] = workshop_client.get(f"/api/v1/residents/{resident.pk}/").json()["entitlements"]
    assert entitlement["funding"] == "own_funds"
    assert "income_test" not in entitlement
    assert "monthly_income" not in entitlement


def test_the_entitlement_page_records_own_funds(coordinator, make_resident):
    from tests.support import logged_in_client

    resident = make_resident()
    form = {**decision("2000.00", funding="own_funds"), "weekdays": ["1", "2", "3", "4", "5"]}
    response = logged_in_client(coordinator).post(f"/residents/{resident.pk}/entitlements/new/", form)
    assert response.status_code == 302
    assert resident.entitlements.get().income_test == {"passed": False, "limit": Decimal(LIMIT)}


@pytest.mark.parametrize(
    ("program", "first_day", "limit"),
    [
        ("hot_meal", D(2023, 1, 1), Decimal("1552.00")),  # 200 % x 776
        ("fead", D(2020, 11, 26), Decimal("1542.20")),  # 220 % x 701
    ],
)
def test_the_percentages_apply_from_the_corrected_dates(program, first_day, limit):
    assert income_limit(program=program, household_size=1, on=first_day) == limit
    assert income_limit(program=program, household_size=1, on=first_day - datetime.timedelta(days=1)) is None
