"""POST /api/v1/meals/issues/{id}/void/: with a reason, by the right person, nothing deleted."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from config.models import AuditEvent
from meals.models import MealIssue
from tests.factories import MealIssueFactory, UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def _serve(client, resident) -> int:
    response = client.post(ISSUES_URL, {"resident": resident.pk}, format="json")
    assert response.status_code == 201
    return response.json()["id"]


def _void(client, issue_id, reason="Wydano omyłkowo"):
    return client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": reason}, format="json")


def test_a_void_records_who_when_and_why_and_keeps_the_row(distribution_client, distributor):
    issue_id = _serve(distribution_client, eligible_resident())

    response = _void(distribution_client, issue_id, "Zły mieszkaniec")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == issue_id
    assert body["voided_at"].startswith("2026-03-04T11:30")
    assert body["voided_by"] == distributor.username
    assert body["void_reason"] == "Zły mieszkaniec"
    issue = MealIssue.objects.get(pk=issue_id)
    assert issue.is_voided
    assert issue.voided_by == distributor


def test_after_a_void_the_resident_may_be_served_again(distribution_client):
    resident = eligible_resident()
    first = _serve(distribution_client, resident)
    _void(distribution_client, first)

    second = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert second.status_code == 201
    assert second.json()["id"] != first
    assert MealIssue.objects.filter(resident=resident).count() == 2
    assert MealIssue.objects.filter(resident=resident, voided_at__isnull=True).count() == 1


def test_every_void_is_in_the_audit_trail(distribution_client, distributor):
    issue_id = _serve(distribution_client, eligible_resident())

    _void(distribution_client, issue_id, "powód")

    event = AuditEvent.objects.get(action="meal.void")
    assert event.actor == distributor
    assert event.object_id == str(issue_id)
    assert event.after["void_reason"] == "powód"


def test_voiding_twice_is_409_already_voided(distribution_client):
    issue_id = _serve(distribution_client, eligible_resident())
    _void(distribution_client, issue_id)

    with nothing_changed():
        response = _void(distribution_client, issue_id)

    assert response.status_code == 409
    assert response.json()["code"] == "already_voided"


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": "x" * 501}, {"reason": None}])
def test_a_void_needs_a_reason(distribution_client, body):
    issue_id = _serve(distribution_client, eligible_resident())

    with nothing_changed():
        response = distribution_client.post(f"{ISSUES_URL}{issue_id}/void/", body, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()
    assert not MealIssue.objects.get(pk=issue_id).is_voided


@pytest.mark.parametrize("issue_id", [999999, 10**30])
def test_voiding_an_unknown_issue_is_404(distribution_client, issue_id):
    with nothing_changed():
        response = _void(distribution_client, issue_id)

    assert response.status_code == 404


def test_counter_staff_may_not_void_a_colleagues_issue(distribution_client):
    colleague = UserFactory(role="distribution")
    issue = MealIssue.objects.create(
        resident=eligible_resident(),
        date=datetime.date(2026, 3, 4),
        issued_at=datetime.datetime.now(datetime.UTC),
        issued_by=colleague,
    )

    with nothing_changed():
        response = _void(distribution_client, issue.pk)

    assert response.status_code == 403
    assert not MealIssue.objects.get(pk=issue.pk).is_voided


def test_counter_staff_may_not_void_their_own_issue_of_an_earlier_day(distribution_client, frozen_clock):
    issue_id = _serve(distribution_client, eligible_resident())
    frozen_clock.shift(datetime.timedelta(days=1))

    with nothing_changed():
        response = _void(distribution_client, issue_id)

    assert response.status_code == 403


def test_a_coordinator_may_void_anyones_issue_of_any_day(
    distribution_client, coordinator_client, coordinator, frozen_clock
):
    issue_id = _serve(distribution_client, eligible_resident())
    frozen_clock.shift(datetime.timedelta(days=7))

    response = _void(coordinator_client, issue_id)

    assert response.status_code == 200
    assert response.json()["voided_by"] == coordinator.username


@pytest.mark.django_db
def test_a_void_without_who_voided_it_is_impossible():
    issue = MealIssueFactory()
    issue.voided_at, issue.void_reason = issue.issued_at, "pomyłka"

    with pytest.raises(IntegrityError), transaction.atomic():
        issue.save()
