"""The meal day is the Warsaw calendar day: 23:30 UTC is already tomorrow in Warsaw."""

import datetime

import pytest
import time_machine

from tests.factories import EntitlementFactory, ResidentFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

# Tuesday 3 March 2026, 23:30 UTC = Wednesday 4 March, 00:30 in Warsaw (CET, UTC+1).
LATE_UTC = datetime.datetime(2026, 3, 3, 23, 30, tzinfo=datetime.UTC)


def test_an_issue_at_2330_utc_belongs_to_the_next_warsaw_day(distribution_client):
    resident = eligible_resident()

    with time_machine.travel(LATE_UTC, tick=False):
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.status_code == 201
    assert response.json()["date"] == "2026-03-04"
    assert response.json()["issued_at"] == "2026-03-04T00:30:00+01:00"


def test_a_meal_served_the_evening_before_in_utc_does_not_block_the_warsaw_day(distribution_client):
    resident = eligible_resident()
    with time_machine.travel(datetime.datetime(2026, 3, 3, 22, 30, tzinfo=datetime.UTC), tick=False):
        assert distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["date"] == (
            "2026-03-03"
        )

    with time_machine.travel(LATE_UTC, tick=False):
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.status_code == 201


def test_eligibility_is_judged_on_the_warsaw_day(distribution_client):
    """A decision ending on Tuesday no longer covers 23:30 UTC that Tuesday (Wednesday in Warsaw)."""
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, valid_from=datetime.date(2026, 2, 1), valid_to=datetime.date(2026, 3, 3))

    with time_machine.travel(LATE_UTC, tick=False), nothing_changed():
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.status_code == 422
    assert response.json()["reasons"] == ["entitlement_expired"]


def test_summer_time_midnight_is_2200_utc(distribution_client):
    resident = eligible_resident(day=datetime.date(2026, 6, 3))

    with time_machine.travel(datetime.datetime(2026, 6, 2, 22, 30, tzinfo=datetime.UTC), tick=False):
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.json()["date"] == "2026-06-03"
    assert response.json()["issued_at"] == "2026-06-03T00:30:00+02:00"
