"""The price of one meal is dated data: the latest price in force from a date not after the day."""

import datetime
from decimal import Decimal

import pytest

from meals.models import MealPrice
from meals.selectors.prices import prices_on
from tests.factories import UserFactory
from tests.support import logged_in_client, nothing_changed

PRICES_URL = "/api/v1/meals/prices/"


@pytest.fixture
def two_prices(coordinator):
    MealPrice.objects.create(valid_from=datetime.date(2026, 1, 1), price=Decimal("14.50"), created_by=coordinator)
    MealPrice.objects.create(valid_from=datetime.date(2026, 11, 16), price=Decimal("15.20"), created_by=coordinator)


@pytest.mark.django_db
def test_each_day_gets_the_price_in_force_on_it(two_prices):
    days = [datetime.date(2025, 12, 31), datetime.date(2026, 11, 15), datetime.date(2026, 11, 16)]
    assert prices_on(days) == {days[0]: None, days[1]: Decimal("14.50"), days[2]: Decimal("15.20")}


@pytest.mark.django_db
def test_the_prices_of_any_number_of_days_take_one_query(two_prices, django_assert_num_queries):
    days = [datetime.date(2026, 11, 1) + datetime.timedelta(days=n) for n in range(30)]
    with django_assert_num_queries(1):
        prices_on(days)


@pytest.mark.django_db
def test_a_coordinator_adds_a_price_and_the_api_lists_it(coordinator_client):
    response = coordinator_client.post(PRICES_URL, {"valid_from": "2026-12-01", "price": "16.00"}, format="json")
    assert response.status_code == 201
    assert response.json()["valid_from"] == "2026-12-01"
    assert response.json()["price"] == "16.00"
    listed = coordinator_client.get(PRICES_URL).json()["results"]
    assert [(row["valid_from"], row["price"]) for row in listed] == [("2026-12-01", "16.00")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        {"valid_from": "2026-11-16", "price": "17.00"},  # that date already has a price
        {"valid_from": "2026-12-01", "price": "0"},
        {"valid_from": "2026-12-01", "price": "-3"},
        {"valid_from": "2026-12-01", "price": "abc"},
        {"valid_from": "2026-13-01", "price": "15.00"},
        {"valid_from": "9999-12-01", "price": "15.00"},
        {"price": "15.00"},
        {"valid_from": "2026-12-01", "price": "123456789.00"},
        {"valid_from": "2026-12-01", "price": "NaN"},
        {"valid_from": "2026-12-01", "price": "Infinity"},
        {"valid_from": "2026-12-01", "price": "1e400"},
        {"valid_from": "2026-12-01", "price": "15.005"},
        {"valid_from": ["2026-12-01"], "price": {"zł": 1}},
    ],
)
def test_a_bad_price_is_a_400_and_changes_nothing(coordinator_client, two_prices, body):
    with nothing_changed():
        response = coordinator_client.post(PRICES_URL, body, format="json")
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["distribution", "workshop"])
def test_only_coordinators_see_or_set_prices(api_client, role):
    api_client.force_authenticate(UserFactory(role=role))
    assert api_client.get(PRICES_URL).status_code == 403
    with nothing_changed():
        assert (
            api_client.post(PRICES_URL, {"valid_from": "2026-12-01", "price": "16.00"}, format="json").status_code
            == 403
        )


@pytest.mark.django_db
def test_the_prices_page_adds_a_price_and_says_who_entered_it(coordinator):
    client = logged_in_client(coordinator)
    response = client.post("/meals/prices/", {"valid_from": "2026-12-01", "price": "16,40"}, follow=True)
    assert response.status_code == 200
    assert MealPrice.objects.get().price == Decimal("16.40")
    assert "16.40 zł" in response.content.decode() or "16,40 zł" in response.content.decode()


@pytest.mark.django_db
def test_the_prices_page_shows_a_duplicate_date_as_an_error(coordinator, two_prices):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post("/meals/prices/", {"valid_from": "2026-11-16", "price": "16.40"})
    assert response.status_code == 200
    assert "has-error" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("valid_from", ["9999-12-01", "0001-01-01", "1899-12-31"])
def test_the_prices_page_refuses_a_date_the_api_refuses(coordinator, valid_from):
    """A price in force from year 1 would price every day before the real first price; the API says 400."""
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post("/meals/prices/", {"valid_from": valid_from, "price": "16,40"})
        refused = client.post(PRICES_URL, {"valid_from": valid_from, "price": "16.40"}, content_type="application/json")
    assert refused.status_code == 400
    assert response.status_code == 200
    assert "has-error" in response.content.decode()
