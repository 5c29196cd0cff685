"""A person in a homelessness crisis is served by decision: no district condition, no street needed."""

import datetime

import pytest

from beneficiaries.eligibility import check_eligibility, residents_eligible_on
from beneficiaries.models import District
from meals.selectors.figures import monthly_meal_figures
from tests.factories import MealIssueFactory, ResidentFactory, eligible_resident
from tests.support import DAY

pytestmark = pytest.mark.django_db


def test_a_homeless_resident_without_an_address_may_eat():
    resident = eligible_resident(homeless=True, street="", building="", district=District.OTHER)
    result = check_eligibility(resident=resident, program="hot_meal", day=DAY)
    assert (result.eligible, result.reasons) == (True, [])
    assert resident in residents_eligible_on(program="hot_meal", day=DAY)


def test_without_the_flag_the_same_person_is_outside_the_district():
    resident = eligible_resident(street="", building="", district=District.OTHER)
    assert check_eligibility(resident=resident, program="hot_meal", day=DAY).reasons == ["outside_district"]
    assert resident not in residents_eligible_on(program="hot_meal", day=DAY)


def test_the_flag_lifts_only_the_district_condition():
    resident = eligible_resident(homeless=True, district=District.OTHER, is_active=False)
    assert check_eligibility(resident=resident, program="hot_meal", day=DAY).reasons == ["inactive_resident"]


def test_the_api_registers_a_homeless_person_with_no_street(coordinator_client):
    body = {"first_name": "Jan", "last_name": "Wędrowny", "birth_date": "1970-01-02", "homeless": True}
    response = coordinator_client.post("/api/v1/residents/", body, format="json")
    assert response.status_code == 201
    assert response.json()["homeless"] is True
    assert response.json()["street"] == ""


def test_the_flag_is_false_unless_given(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "birth_date": "1970-01-02", "street": "Kasprowicza"}
    assert coordinator_client.post("/api/v1/residents/", body, format="json").json()["homeless"] is False


def test_the_monthly_figures_count_homeless_persons_and_their_meals_apart():
    homeless = ResidentFactory(homeless=True, street="", district=District.OTHER)
    MealIssueFactory(resident=homeless, day=datetime.date(2026, 5, 4))
    MealIssueFactory(resident=homeless, day=datetime.date(2026, 5, 5))
    MealIssueFactory(resident=ResidentFactory(), day=datetime.date(2026, 5, 4))

    figures = monthly_meal_figures(year=2026, month=5)

    assert (figures.homeless_persons, figures.homeless_meals) == (1, 2)
    assert (figures.distinct_persons, figures.total) == (2, 3)
