"""Several stations checking in at once (PostgreSQL, real threads): exactly one meal, never a 500."""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from rest_framework.test import APIClient

from meals.models import MealIssue
from tests.factories import UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("frozen_clock")]


@pytest.fixture
def stations():
    """Two counter accounts; a thread logs in as one of them."""
    return [UserFactory(role="distribution"), UserFactory(role="distribution")]


def _post_as(user, body):
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(pk=user.pk))
    return client.post(ISSUES_URL, body, format="json")


def test_two_stations_scanning_one_card_at_once_serve_one_meal(stations):
    resident = eligible_resident()

    responses = run_concurrently(lambda i: _post_as(stations[i], {"card": resident.card_number}), range(2))

    assert sorted(r.status_code for r in responses) == [201, 409]
    winner = next(r for r in responses if r.status_code == 201).json()
    loser = next(r for r in responses if r.status_code == 409).json()
    assert loser["code"] == "already_issued"
    assert loser["issue"]["id"] == winner["id"]
    assert MealIssue.objects.filter(resident=resident, voided_at__isnull=True).count() == 1


def test_many_requests_at_once_serve_exactly_one_meal(stations):
    resident = eligible_resident()
    count = 16

    responses = run_concurrently(
        lambda i: _post_as(stations[i % 2], {"resident": resident.pk, "client_ref": f"station-{i}"}), range(count)
    )

    statuses = [r.status_code for r in responses]
    assert statuses.count(201) == 1
    assert statuses.count(409) == count - 1
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"already_issued"}
    assert MealIssue.objects.filter(resident=resident).count() == 1


def test_the_same_client_ref_sent_many_times_at_once_gives_one_issue_and_no_error(stations):
    resident = eligible_resident()
    count = 12

    responses = run_concurrently(
        lambda i: _post_as(stations[0], {"resident": resident.pk, "client_ref": "X1"}), range(count)
    )

    statuses = [r.status_code for r in responses]
    assert statuses.count(201) == 1
    assert statuses.count(200) == count - 1
    assert len({r.json()["id"] for r in responses}) == 1
    assert MealIssue.objects.count() == 1


def test_many_residents_at_many_stations_are_all_served(stations):
    residents = [eligible_resident() for _ in range(8)]

    responses = run_concurrently(lambda i: _post_as(stations[i % 2], {"resident": residents[i].pk}), range(8))

    assert [r.status_code for r in responses] == [201] * 8
    assert MealIssue.objects.count() == 8


def _wait_until_a_query_waits_on_a_lock():
    """Poll PostgreSQL until some backend is blocked on a lock (our request on the unique index)."""
    with connection.cursor() as cursor:
        for _ in range(400):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.025)
    raise AssertionError("the check-in never waited for the uncommitted issue")


@pytest.mark.parametrize(("client_ref", "expected"), [("same-attempt", 200), ("another-attempt", 409)])
def test_a_checkin_blocked_by_an_uncommitted_issue_learns_the_winner_once_it_commits(stations, client_ref, expected):
    """Deterministic version of the race: the other transaction holds its INSERT until ours waits on it."""
    resident = eligible_resident()
    inserted, release = threading.Event(), threading.Event()
    responses = []

    def hold_an_issue():
        try:
            with transaction.atomic():
                MealIssue.objects.create(
                    resident=resident, date=DAY, issued_at=NOW, issued_by=stations[1], client_ref="same-attempt"
                )
                inserted.set()
                release.wait(30)
        finally:
            connection.close()

    def check_in():
        try:
            responses.append(_post_as(stations[0], {"resident": resident.pk, "client_ref": client_ref}))
        finally:
            connection.close()

    holder = threading.Thread(target=hold_an_issue)
    holder.start()
    assert inserted.wait(30)
    request = threading.Thread(target=check_in)
    request.start()
    _wait_until_a_query_waits_on_a_lock()
    release.set()
    holder.join()
    request.join()

    assert responses[0].status_code == expected
    held = MealIssue.objects.get()
    body = responses[0].json()
    assert (body["id"] if expected == 200 else body["issue"]["id"]) == held.pk


def test_two_coordinators_voiding_one_issue_at_once_void_it_once(stations):
    resident = eligible_resident()
    issue_id = _post_as(stations[0], {"resident": resident.pk}).json()["id"]
    coordinators = [UserFactory(role="coordinator"), UserFactory(role="coordinator")]

    def void(i):
        client = APIClient()
        client.force_authenticate(get_user_model().objects.get(pk=coordinators[i].pk))
        return client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": f"powód {i}"}, format="json")

    responses = run_concurrently(void, range(2))

    assert sorted(r.status_code for r in responses) == [200, 409]
    voided = MealIssue.objects.get()
    winner = next(r for r in responses if r.status_code == 200).json()
    assert voided.void_reason == winner["void_reason"]
