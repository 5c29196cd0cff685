"""POST /api/v1/meals/issues/: a meal by resident id or by card, with what docs/api.md returns."""

import datetime

import pytest

from config.models import AuditEvent
from meals.models import MealIssue
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_a_meal_is_issued_by_resident_id_with_the_documented_body(distribution_client, distributor):
    resident = eligible_resident(first_name="Łucja", last_name="Żółkiewska", diet=["soft"], allergies="orzechy")

    response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["resident"] == {
        "id": resident.pk,
        "first_name": "Łucja",
        "last_name": "Żółkiewska",
        "card_number": resident.card_number,
        "diet": ["soft"],
        "allergies": "orzechy",
    }
    assert body["date"] == "2026-03-04"
    assert body["issued_at"].startswith("2026-03-04T11:30")
    assert body["issued_at"].endswith("+01:00")
    assert body["takeaway"] is False
    assert body["collected_by"] == ""
    assert body["issued_by"] == distributor.username
    issue = MealIssue.objects.get()
    assert (issue.id, issue.resident, issue.date, issue.issued_by) == (body["id"], resident, DAY, distributor)


def test_a_meal_is_issued_by_card_number(distribution_client):
    resident = eligible_resident()

    response = distribution_client.post(ISSUES_URL, {"card": f" {resident.card_number} "}, format="json")

    assert response.status_code == 201
    assert response.json()["resident"]["id"] == resident.pk


def test_takeaway_and_the_person_collecting_are_recorded(distribution_client):
    resident = eligible_resident()

    response = distribution_client.post(
        ISSUES_URL, {"resident": resident.pk, "takeaway": True, "collected_by": "Anna Nowak (córka)"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["takeaway"] is True
    assert response.json()["collected_by"] == "Anna Nowak (córka)"
    issue = MealIssue.objects.get()
    assert issue.takeaway is True
    assert issue.collected_by == "Anna Nowak (córka)"


def test_every_issue_is_in_the_audit_trail(distribution_client, distributor):
    resident = eligible_resident()

    response = distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "r-1"}, format="json")

    event = AuditEvent.objects.get(action="meal.issue")
    assert event.actor == distributor
    assert event.object_id == str(response.json()["id"])
    assert event.after["resident"] == resident.pk
    assert event.after["client_ref"] == "r-1"


def test_a_coordinator_may_issue_too(coordinator_client):
    resident = eligible_resident()

    assert coordinator_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").status_code == 201


def test_the_same_resident_is_served_again_on_the_next_day(distribution_client, frozen_clock):
    resident = eligible_resident()
    assert distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").status_code == 201

    frozen_clock.shift(datetime.timedelta(days=1))
    response = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert response.status_code == 201
    assert response.json()["date"] == "2026-03-05"
    assert MealIssue.objects.filter(resident=resident).count() == 2
