"""Every meal issue the API answers with carries ``may_void``, computed by the server for the caller.

The counter shows its undo button from that flag alone (tests/meals/test_counter_in_the_browser.py),
so the flag must agree with what the void endpoint then does.
"""

import datetime

import pytest

from meals.models import MealIssue
from tests.factories import UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def _issue(by, day=DAY) -> MealIssue:
    moment = NOW.replace(hour=11, minute=0) - datetime.timedelta(days=(DAY - day).days)
    return MealIssue.objects.create(resident=eligible_resident(day=day), date=day, issued_at=moment, issued_by=by)


def _listed(client, day=DAY) -> dict[int, bool]:
    results = client.get(ISSUES_URL, {"date": day.isoformat()}).json()["results"]
    return {row["id"]: row["may_void"] for row in results}


def test_counter_staff_are_told_they_may_void_their_own_issue_of_today_only(distribution_client, distributor):
    colleague = UserFactory(role="distribution")
    mine, theirs = _issue(distributor), _issue(colleague)
    yesterday = DAY - datetime.timedelta(days=1)
    old = _issue(distributor, day=yesterday)

    assert _listed(distribution_client) == {mine.pk: True, theirs.pk: False}
    assert _listed(distribution_client, day=yesterday) == {old.pk: False}


def test_a_coordinator_is_told_they_may_void_every_issue(coordinator_client, distributor):
    today, yesterday = _issue(distributor), _issue(distributor, day=DAY - datetime.timedelta(days=1))

    assert _listed(coordinator_client) == {today.pk: True}
    assert _listed(coordinator_client, day=DAY - datetime.timedelta(days=1)) == {yesterday.pk: True}


@pytest.mark.parametrize("caller", ["distribution_client", "coordinator_client"])
def test_the_void_endpoint_does_exactly_what_may_void_said(request, caller, distributor):
    client = request.getfixturevalue(caller)
    issues = [_issue(distributor), _issue(UserFactory(role="distribution"))]
    promised = _listed(client)

    for issue in issues:
        with nothing_changed(unless=promised[issue.pk]):
            response = client.post(f"{ISSUES_URL}{issue.pk}/void/", {"reason": "pomyłka"}, format="json")
        assert response.status_code == (200 if promised[issue.pk] else 403)
        issue.refresh_from_db()
        assert issue.is_voided is promised[issue.pk]


def test_the_answer_to_a_check_in_and_to_a_void_carry_may_void(distribution_client):
    served = distribution_client.post(ISSUES_URL, {"resident": eligible_resident().pk}, format="json")
    assert served.status_code == 201
    assert served.json()["may_void"] is True

    voided = distribution_client.post(f"{ISSUES_URL}{served.json()['id']}/void/", {"reason": "x"}, format="json")
    assert voided.status_code == 200
    assert voided.json()["may_void"] is True  # still today's own issue (a void of a void is refused: 409)


def test_the_issue_in_the_way_carries_may_void_in_the_refusal_and_in_the_check(distribution_client):
    resident = eligible_resident()
    theirs = MealIssue.objects.create(
        resident=resident, date=DAY, issued_at=NOW.replace(hour=11), issued_by=UserFactory(role="distribution")
    )

    with nothing_changed():
        refusal = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")
    check = distribution_client.get("/api/v1/meals/check/", {"resident": resident.pk})

    assert refusal.status_code == 409
    assert refusal.json()["issue"]["id"] == theirs.pk
    assert refusal.json()["issue"]["may_void"] is False
    assert check.json()["issue"]["id"] == theirs.pk
    assert check.json()["issue"]["may_void"] is False
    assert MealIssue.objects.count() == 1
