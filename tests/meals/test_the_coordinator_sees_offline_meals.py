"""The coordinator's day (API and page) says which meals came from an offline queue or a paper list,
and lists the offline meals refused because someone had been served meanwhile."""

import datetime

import pytest

from tests.factories import MealIssueFactory, UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, logged_in_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
DAY_URL = "/api/v1/meals/days/2026-03-04/"


def _offline(resident, *, minutes_ago: int, ref: str) -> dict:
    at = (NOW - datetime.timedelta(minutes=minutes_ago)).isoformat()
    return {"resident": resident.pk, "issued_at": at, "source": "offline", "client_ref": ref}


def test_the_day_says_how_each_meal_was_recorded(distribution_client, coordinator_client):
    offline, online, waiting = eligible_resident(), eligible_resident(), eligible_resident()
    distribution_client.post(ISSUES_URL, _offline(offline, minutes_ago=20, ref="q-1"), format="json")
    distribution_client.post(ISSUES_URL, {"resident": online.pk}, format="json")

    rows = {row["id"]: row for row in coordinator_client.get(DAY_URL).json()["residents"]}

    assert (rows[offline.pk]["source"], rows[online.pk]["source"], rows[waiting.pk]["source"]) == (
        "offline",
        "counter",
        None,
    )


def test_the_day_lists_an_offline_meal_refused_because_another_station_served(distribution_client, coordinator):
    resident = eligible_resident(first_name="Zofia", last_name="Bąk")
    colleague = UserFactory(username="anna", role="distribution", first_name="Anna", last_name="Zielińska")
    served = MealIssueFactory(resident=resident, day=DAY, issued_by=colleague, issued_at=NOW)
    distribution_client.post(ISSUES_URL, _offline(resident, minutes_ago=10, ref="q-2"), format="json")
    coordinator_browser = logged_in_client(coordinator)

    (conflict,) = coordinator_browser.get(DAY_URL).json()["conflicts"]
    page = coordinator_browser.get("/meals/day/").content.decode()

    assert (conflict["resident"]["id"], conflict["scanned_by"], conflict["code"]) == (
        resident.pk,
        "counter",
        "already_issued",
    )
    assert (conflict["issue"]["id"], conflict["issue"]["issued_by"], conflict["issue"]["may_void"]) == (
        served.pk,
        "anna",
        True,
    )
    assert 'id="conflicts"' in page
    assert "Bąk Zofia" in page and "Anna Zielińska" in page


def test_the_day_page_marks_meals_from_the_offline_queue(distribution_client, coordinator):
    resident = eligible_resident(last_name="Kowalska")
    distribution_client.post(ISSUES_URL, _offline(resident, minutes_ago=5, ref="q-3"), format="json")

    page = logged_in_client(coordinator).get("/meals/day/").content.decode()

    assert 'class="badge source-offline">kolejka offline<' in page
    assert 'id="conflicts"' not in page
