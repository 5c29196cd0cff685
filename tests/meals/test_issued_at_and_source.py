"""POST /api/v1/meals/issues/ with ``issued_at`` and ``source`` (docs/api.md#hot-meals): a counter that was
offline sends its queue later, a coordinator enters a signed paper list afterwards."""

import datetime

import pytest

from config.fields import OUT_OF_RANGE
from config.models import AuditEvent
from meals.models import MealIssue, OfflineConflict
from tests.factories import MealIssueFactory, UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
MONDAY, SUNDAY = DAY - datetime.timedelta(days=2), DAY - datetime.timedelta(days=3)


def _at(day: datetime.date, hour: int, minute: int = 0) -> str:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=NOW.tzinfo).isoformat()


def test_a_queued_offline_scan_of_earlier_today_is_recorded_at_its_moment(distribution_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "issued_at": _at(DAY, 10, 12), "source": "offline", "client_ref": "q-1"}

    response = distribution_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 201
    assert (response.json()["issued_at"], response.json()["source"]) == ("2026-03-04T10:12:00+01:00", "offline")
    issue = MealIssue.objects.get()
    assert (issue.date, issue.source, issue.issued_at) == (
        DAY,
        "offline",
        datetime.datetime.fromisoformat(_at(DAY, 10, 12)),
    )


def test_without_issued_at_the_meal_is_now_and_from_the_counter(distribution_client):
    answer = distribution_client.post(ISSUES_URL, {"resident": eligible_resident().pk}, format="json").json()

    assert answer["source"] == "counter"
    assert answer["issued_at"].startswith("2026-03-04T11:3")


def test_the_audit_trail_says_when_and_how_the_meal_was_recorded(distribution_client):
    resident = eligible_resident()
    distribution_client.post(
        ISSUES_URL, {"resident": resident.pk, "issued_at": _at(DAY, 9), "source": "offline"}, format="json"
    )

    event = AuditEvent.objects.get(action="meal.issue")
    assert (event.after["source"], event.after["issued_at"]) == ("offline", "2026-03-04T09:00:00+01:00")


def test_a_moment_tomorrow_is_refused(distribution_client, coordinator_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "issued_at": _at(DAY + datetime.timedelta(days=1), 12), "source": "offline"}

    with nothing_changed():
        for client in (distribution_client, coordinator_client):
            response = client.post(ISSUES_URL, body, format="json")
            assert response.status_code == 400
            assert "issued_at" in response.json()


def test_a_device_clock_a_minute_ahead_is_recorded_as_now(distribution_client):
    ahead = (NOW + datetime.timedelta(minutes=1)).isoformat()

    response = distribution_client.post(
        ISSUES_URL, {"resident": eligible_resident().pk, "issued_at": ahead, "source": "offline"}, format="json"
    )

    assert response.status_code == 201
    assert MealIssue.objects.get().issued_at <= datetime.datetime.now(tz=datetime.UTC)


@pytest.mark.parametrize("source", ["offline", "paper", "counter"])
def test_counter_staff_may_not_record_a_meal_on_an_earlier_day(distribution_client, source):
    body = {"resident": eligible_resident().pk, "issued_at": _at(MONDAY, 12), "source": source}

    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "earlier_day_not_allowed"


def test_a_coordinator_enters_a_signed_paper_list_of_an_earlier_day(coordinator_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "issued_at": _at(MONDAY, 12, 20), "source": "paper"}

    response = coordinator_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 201
    assert (response.json()["date"], response.json()["source"]) == ("2026-03-02", "paper")
    assert MealIssue.objects.get().date == MONDAY


def test_one_meal_a_day_holds_for_a_paper_list_too(coordinator_client):
    resident = eligible_resident()
    MealIssueFactory(resident=resident, day=MONDAY)
    body = {"resident": resident.pk, "issued_at": _at(MONDAY, 12, 40), "source": "paper"}

    with nothing_changed():
        response = coordinator_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "already_issued"


def test_a_paper_list_of_a_closed_day_is_refused_as_closed(coordinator_client):
    body = {"resident": eligible_resident().pk, "issued_at": _at(SUNDAY, 12), "source": "paper"}

    with nothing_changed():
        response = coordinator_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 422
    assert "point_closed" in response.json()["reasons"]


@pytest.mark.parametrize(
    "bad", [{"source": "telepathy"}, {"issued_at": "yesterday"}, {"issued_at": "0001-01-01T00:00Z"}]
)
def test_a_malformed_issued_at_or_source_is_400(distribution_client, bad):
    resident = eligible_resident()
    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk, **bad}, format="json")

    assert response.status_code == 400


def test_an_issued_at_out_of_range_is_refused_in_the_words_of_every_other_date(distribution_client):
    """config.fields.OUT_OF_RANGE, as a DayField says it: one message for the one range."""
    resident = eligible_resident()
    body = {"resident": resident.pk, "issued_at": "1899-12-31T12:00Z"}
    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 400
    assert response.json()["issued_at"] == [str(OUT_OF_RANGE)]


def test_an_offline_meal_refused_because_another_station_served_is_kept_once_as_a_conflict(
    distribution_client, distributor
):
    resident = eligible_resident()
    colleague = UserFactory(username="anna", role="distribution")
    served = MealIssueFactory(
        resident=resident, day=DAY, issued_by=colleague, issued_at=NOW - datetime.timedelta(minutes=5)
    )
    body = {"resident": resident.pk, "issued_at": _at(DAY, 11, 10), "source": "offline", "client_ref": "q-9"}

    first = distribution_client.post(ISSUES_URL, body, format="json")
    again = distribution_client.post(ISSUES_URL, body, format="json")  # the queue resent: the answer was lost

    assert (first.status_code, again.status_code) == (409, 409)
    assert first.json()["issue"]["id"] == served.pk
    conflict = OfflineConflict.objects.get()
    assert (conflict.resident, conflict.scanned_by, conflict.issue, conflict.code) == (
        resident,
        distributor,
        served,
        "already_issued",
    )
    assert conflict.scanned_at == datetime.datetime.fromisoformat(_at(DAY, 11, 10))
    assert MealIssue.objects.count() == 1
    assert AuditEvent.objects.filter(action="meal.offline_conflict").count() == 1


def test_a_refusal_at_the_counter_online_is_no_conflict(distribution_client):
    resident = eligible_resident()
    MealIssueFactory(resident=resident, day=DAY)

    assert distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").status_code == 409
    assert not OfflineConflict.objects.exists()
