"""The resident page shows the person's meals and workshops, each to the roles that work with them."""

import datetime

import pytest

from beneficiaries.models import Program
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY, logged_in_client
from tests.tasks.helpers import workshop_session
from workshops.models import Signup, SignupStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def page_of(user, resident) -> str:
    response = logged_in_client(user).get(f"/residents/{resident.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, html_id: str) -> str:
    start = page.index(f'id="{html_id}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def resident():
    person = eligible_resident(Program.HOT_MEAL)
    MealIssueFactory(resident=person, day=DAY - datetime.timedelta(days=1), voided=True, void_reason="pomyłka")
    MealIssueFactory(resident=person, day=DAY - datetime.timedelta(days=1))
    MealIssueFactory(resident=person, day=DAY, takeaway=True)
    session = workshop_session(title="Zupy z resztek")
    Signup.objects.create(session=session, resident=person, status=SignupStatus.CONFIRMED, attended=True)
    return person


def test_a_coordinator_sees_the_meals_voided_ones_marked_and_the_workshops(coordinator, resident):
    page = page_of(coordinator, resident)
    meals = section(page, "meal-history")
    assert meals.count("data-issue=") == 3
    assert "wydano: 2" in meals
    assert "Cofnięto" in meals and "pomyłka" in meals
    assert "4.03.2026" in meals and "na wynos" in meals
    assert "Zupy z resztek" in section(page, "workshop-history")


def test_counter_staff_see_the_meals_but_not_the_workshops(distributor, resident):
    page = page_of(distributor, resident)
    assert 'id="meal-history"' in page
    assert 'id="workshop-history"' not in page


def test_workshop_leaders_see_the_workshops_but_not_the_meals(leader, resident):
    page = page_of(leader, resident)
    assert 'id="workshop-history"' in page
    assert 'id="meal-history"' not in page


def test_the_page_shows_the_latest_meals_and_links_to_all_of_them_page_by_page(coordinator):
    person = eligible_resident()
    for days_back in range(60):
        MealIssueFactory(resident=person, day=DAY - datetime.timedelta(days=days_back))

    meals = section(page_of(coordinator, person), "meal-history")
    assert meals.count("data-issue=") == 10
    assert f'href="/meals/residents/{person.pk}/"' in meals

    client = logged_in_client(coordinator)
    first = client.get(f"/meals/residents/{person.pk}/").content.decode()
    second = client.get(f"/meals/residents/{person.pk}/?page=2").content.decode()
    assert first.count("data-issue=") == 50 and second.count("data-issue=") == 10
    assert "4.03.2026" in first and "4.01.2026" in second


@pytest.mark.parametrize(("meals", "voided", "link"), [(11, 2, True), (10, 2, False), (11, 0, True), (10, 0, False)])
def test_the_link_to_all_meals_shows_whenever_there_are_more_rows_than_shown(coordinator, meals, voided, link):
    person = eligible_resident()
    for days_back in range(meals):
        MealIssueFactory(resident=person, day=DAY - datetime.timedelta(days=days_back), voided=days_back < voided)

    shown = section(page_of(coordinator, person), "meal-history")

    assert shown.count("data-issue=") == min(meals, 10)
    assert (f'href="/meals/residents/{person.pk}/"' in shown) is link


def test_the_meal_history_of_an_unknown_resident_is_a_404(coordinator):
    assert logged_in_client(coordinator).get("/meals/residents/999999/").status_code == 404
