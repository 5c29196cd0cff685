"""A retried check-in (same client_ref) returns the first issue and records nothing new."""

import pytest

from config.models import AuditEvent
from meals.models import MealIssue
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_the_same_client_ref_again_is_200_with_the_same_issue(distribution_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "client_ref": "tablet-1:0001"}
    first = distribution_client.post(ISSUES_URL, body, format="json")

    again = distribution_client.post(ISSUES_URL, body, format="json")

    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json() == first.json()
    assert MealIssue.objects.count() == 1
    assert AuditEvent.objects.filter(action="meal.issue").count() == 1


def test_a_retry_by_card_finds_the_issue_made_by_id(distribution_client):
    resident = eligible_resident()
    first = distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "k1"}, format="json")

    again = distribution_client.post(ISSUES_URL, {"card": resident.card_number, "client_ref": "k1"}, format="json")

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


def test_a_new_client_ref_for_a_served_resident_is_already_issued(distribution_client):
    resident = eligible_resident()
    distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "a"}, format="json")

    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "b"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "already_issued"


def test_a_client_ref_reused_for_another_resident_is_refused(distribution_client):
    first, second = eligible_resident(), eligible_resident()
    distribution_client.post(ISSUES_URL, {"resident": first.pk, "client_ref": "same"}, format="json")

    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, {"resident": second.pk, "client_ref": "same"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "client_ref_reused"
    assert not MealIssue.objects.filter(resident=second).exists()


def test_a_retry_after_a_void_returns_the_voided_issue_and_serves_nobody_twice(distribution_client):
    resident = eligible_resident()
    body = {"resident": resident.pk, "client_ref": "late-retry"}
    issue_id = distribution_client.post(ISSUES_URL, body, format="json").json()["id"]
    distribution_client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": "pomyłka"}, format="json")

    again = distribution_client.post(ISSUES_URL, body, format="json")

    assert again.status_code == 200
    assert again.json()["id"] == issue_id
    assert again.json()["voided_at"] is not None
    assert MealIssue.objects.count() == 1
