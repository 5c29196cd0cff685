"""The coordinator's home: the last 30 days, expected against served, drawn as inline SVG by the server."""

import datetime
import re

import pytest

from meals.selectors.day import DayCount, days_counted
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY, logged_in_client

pytestmark = pytest.mark.django_db

MONDAY = DAY - datetime.timedelta(days=2)  # 2 March 2026


@pytest.fixture
def three_expected(frozen_clock):
    """Three eligible all along; two served on Monday, one of those voided, one served today."""
    anna, jan, _ola = (eligible_resident() for _ in range(3))
    MealIssueFactory(resident=anna, day=MONDAY)
    MealIssueFactory(resident=jan, day=MONDAY, voided=True)
    MealIssueFactory(resident=anna, day=DAY)


def test_each_opening_day_counts_the_expected_and_the_served(three_expected):
    days = days_counted(first=MONDAY - datetime.timedelta(days=2), last=DAY)  # Saturday to Wednesday
    assert days == [
        DayCount(date=MONDAY, expected=3, served=1),
        DayCount(date=MONDAY + datetime.timedelta(days=1), expected=3, served=0),
        DayCount(date=DAY, expected=3, served=1),
    ]


def test_thirty_days_take_three_queries(three_expected, django_assert_num_queries):
    with django_assert_num_queries(3):
        days_counted(first=DAY - datetime.timedelta(days=29), last=DAY)


def test_the_home_page_of_a_coordinator_draws_the_days_without_any_script(three_expected, coordinator):
    client = logged_in_client(coordinator)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/meals/"
    html = response.content.decode()
    assert '<svg id="days-chart"' in html
    assert '<g class="day" data-date="2026-03-02" data-expected="3" data-served="1">' in html
    assert "<script" not in html.split("<main", 1)[1]
    coordinates = re.findall(r'\s(?:[xy][12]?|width|height)="([^"]*)"', html.split('<svg id="days-chart"', 1)[1])
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates)


def test_counter_staff_do_not_see_the_figures(distributor):
    assert logged_in_client(distributor).get("/meals/").status_code == 403
