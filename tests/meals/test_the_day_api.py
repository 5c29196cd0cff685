"""GET /api/v1/meals/days/{date}/, its summary, the day's issue list and the coordinator's plan."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beneficiaries.models import ClosureDay, District, EntitlementStatus
from config.models import AuditEvent
from meals.models import MealDay, MealIssue
from tests.factories import EntitlementFactory, MealIssueFactory, ResidentFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, logged_in_client, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
DAY_URL = "/api/v1/meals/days/2026-03-04/"


def test_the_day_lists_everyone_eligible_with_diet_allergies_and_who_was_served(distribution_client):
    served = eligible_resident(last_name="Adamczyk", diet=["diabetic"], allergies="gluten")
    waiting = eligible_resident(last_name="Bąk")
    ResidentFactory(last_name="Bez Decyzji")
    eligible_resident(last_name="Spoza", district=District.OTHER)
    issued = distribution_client.post(ISSUES_URL, {"resident": served.pk}, format="json").json()

    body = distribution_client.get(DAY_URL).json()

    assert (body["date"], body["open"], body["expected"], body["issued"]) == ("2026-03-04", True, 2, 1)
    assert [row["id"] for row in body["residents"]] == [served.pk, waiting.pk]
    first, second = body["residents"]
    assert first["diet"] == ["diabetic"]
    assert first["allergies"] == "gluten"
    assert first["card_number"] == served.card_number
    assert first["issued_at"] == issued["issued_at"]
    assert second["issued_at"] is None
    assert {"first_name", "last_name"} <= set(first)


def test_each_resident_row_has_exactly_the_documented_fields(distribution_client, distributor):
    from meals.serializers import DayResidentSerializer

    resident = eligible_resident()
    MealIssue.objects.create(resident=resident, date=DAY, issued_at=NOW, issued_by=distributor, takeaway=True)

    (row,) = distribution_client.get(DAY_URL).json()["residents"]

    assert set(row) == set(DayResidentSerializer().fields)
    assert (row["issued_by"], row["takeaway"], row["expected"]) == (distributor.username, True, True)
    assert row["issued_at"] == "2026-03-04T11:30:00+01:00"


def test_someone_served_and_then_suspended_stays_on_the_list_but_is_not_expected(distribution_client):
    resident = ResidentFactory()
    decision = EntitlementFactory(resident=resident)
    distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")
    decision.status = EntitlementStatus.SUSPENDED
    decision.save()

    body = distribution_client.get(DAY_URL).json()

    assert (body["expected"], body["issued"]) == (0, 1)
    assert body["residents"][0]["id"] == resident.pk
    assert body["residents"][0]["expected"] is False


def test_voided_issues_do_not_count_as_served(distribution_client):
    resident = eligible_resident()
    issue_id = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["id"]
    distribution_client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": "pomyłka"}, format="json")

    body = distribution_client.get(DAY_URL).json()

    assert body["issued"] == 0
    assert body["residents"][0]["issued_at"] is None


def test_a_closed_day_expects_nobody(distribution_client):
    eligible_resident()
    ClosureDay.objects.create(date=DAY, reason="Remont kuchni")

    body = distribution_client.get(DAY_URL).json()

    assert (body["open"], body["expected"], body["residents"]) == (False, 0, [])
    assert body["closure_reason"] == "Remont kuchni"


def test_a_weekend_is_closed(distribution_client):
    eligible_resident()

    body = distribution_client.get("/api/v1/meals/days/2026-03-07/").json()

    assert body["open"] is False
    assert body["expected"] == 0


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "1999-12-31", "9999-01-01", "today", "2026-3-4"])
def test_an_impossible_date_in_the_url_is_404(distribution_client, day):
    assert distribution_client.get(f"/api/v1/meals/days/{day}/").status_code == 404


def test_the_summary_counts_only(distribution_client):
    first, _second = eligible_resident(), eligible_resident()
    distribution_client.post(ISSUES_URL, {"resident": first.pk}, format="json")
    MealDay.objects.create(date=DAY, menu="Żurek, pierogi", portions_planned=32)

    body = distribution_client.get(f"{DAY_URL}summary/").json()

    assert body == {
        "date": "2026-03-04",
        "open": True,
        "expected": 2,
        "issued": 1,
        "menu": "Żurek, pierogi",
        "portions_planned": 32,
    }


def test_todays_summary_follows_the_warsaw_day(distribution_client, frozen_clock):
    eligible_resident()
    assert distribution_client.get("/api/v1/meals/today/").json()["date"] == "2026-03-04"

    frozen_clock.move_to(datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC))

    assert distribution_client.get("/api/v1/meals/today/").json()["date"] == "2026-03-05"


def test_the_issue_list_of_a_day_is_paginated_newest_first_with_voided_ones(distribution_client, frozen_clock):
    residents = [eligible_resident() for _ in range(3)]
    ids = []
    for resident in residents:
        ids.append(distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["id"])
        frozen_clock.shift(datetime.timedelta(minutes=1))
    distribution_client.post(f"{ISSUES_URL}{ids[0]}/void/", {"reason": "pomyłka"}, format="json")

    body = distribution_client.get(ISSUES_URL, {"date": "2026-03-04", "page_size": 2}).json()

    assert body["count"] == 3
    assert [issue["id"] for issue in body["results"]] == [ids[2], ids[1]]
    assert body["next"]
    last_page = distribution_client.get(body["next"]).json()
    assert last_page["results"][0]["voided_at"] is not None


def test_the_issue_list_defaults_to_today_and_is_empty_on_another_day(distribution_client):
    distribution_client.post(ISSUES_URL, {"resident": eligible_resident().pk}, format="json")

    assert distribution_client.get(ISSUES_URL).json()["count"] == 1
    assert distribution_client.get(ISSUES_URL, {"date": "2026-03-03"}).json()["count"] == 0


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", "0001-01-01"])
def test_a_bad_date_parameter_is_400(distribution_client, value):
    response = distribution_client.get(ISSUES_URL, {"date": value})

    assert response.status_code == 400
    assert "date" in response.json()


def test_the_issue_list_takes_two_queries_whatever_its_length(distribution_client, django_assert_num_queries):
    for _ in range(4):
        distribution_client.post(ISSUES_URL, {"resident": eligible_resident().pk}, format="json")

    with django_assert_num_queries(2):  # count + page (the role is cached on the user)
        response = distribution_client.get(ISSUES_URL)

    assert len(response.json()["results"]) == 4


# --- The plan -------------------------------------------------------------------------------


def test_a_coordinator_enters_the_menu_and_portions(coordinator_client, coordinator):
    response = coordinator_client.put(f"{DAY_URL}plan/", {"menu": "Gulasz", "portions_planned": 30}, format="json")

    assert response.status_code == 200
    assert response.json()["menu"] == "Gulasz"
    assert response.json()["portions_planned"] == 30
    assert response.json()["updated_by"] == coordinator.username
    plan = MealDay.objects.get(date=DAY)
    assert (plan.menu, plan.portions_planned, plan.updated_by) == ("Gulasz", 30, coordinator)
    assert AuditEvent.objects.filter(action="meal_day.plan", actor=coordinator).count() == 1


def test_patch_changes_only_what_is_given_and_put_replaces(coordinator_client):
    coordinator_client.put(f"{DAY_URL}plan/", {"menu": "Gulasz", "portions_planned": 30, "note": "n"}, format="json")

    patched = coordinator_client.patch(f"{DAY_URL}plan/", {"portions_planned": 28}, format="json").json()
    replaced = coordinator_client.put(f"{DAY_URL}plan/", {"menu": "Zupa"}, format="json").json()

    assert (patched["menu"], patched["portions_planned"], patched["note"]) == ("Gulasz", 28, "n")
    assert (replaced["menu"], replaced["portions_planned"], replaced["note"]) == ("Zupa", None, "")
    assert MealDay.objects.count() == 1


def test_the_plan_of_a_day_without_one_is_blank(distribution_client):
    body = distribution_client.get(f"{DAY_URL}plan/").json()

    assert body["date"] == "2026-03-04"
    assert (body["menu"], body["portions_planned"], body["updated_by"]) == ("", None, None)


@pytest.mark.parametrize(
    "body", [{"portions_planned": -1}, {"portions_planned": 10**12}, {"portions_planned": "dużo"}, {"menu": "x" * 501}]
)
def test_a_bad_plan_is_400(coordinator_client, body):
    with nothing_changed():
        response = coordinator_client.patch(f"{DAY_URL}plan/", body, format="json")

    assert response.status_code == 400
    assert set(body) <= set(response.json())


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_day_view_takes_a_fixed_number_of_queries(distribution_client, distributor):
    """Closure day (twice), expected ids, issues, residents, decisions, plan, voided, conflicts; one role read."""
    eligible_resident()
    distribution_client.get(DAY_URL)
    assert _queries_for(distribution_client, DAY_URL) == 9
    for _ in range(12):
        MealIssue.objects.create(resident=eligible_resident(), date=DAY, issued_at=NOW, issued_by=distributor)
        MealIssueFactory(resident=eligible_resident(), voided=True)

    assert _queries_for(distribution_client, DAY_URL) == 9


# --- Voided issues ----------------------------------------------------------------------------


def test_the_day_lists_the_issues_voided_that_day_with_who_why_and_when(coordinator_client, coordinator):
    resident = eligible_resident(last_name="Nowak", first_name="Anna")
    issued = coordinator_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()
    voided = coordinator_client.post(f"{ISSUES_URL}{issued['id']}/void/", {"reason": "pomyłka"}, format="json").json()

    body = coordinator_client.get(DAY_URL).json()

    assert body["voided"] == [
        {
            "id": issued["id"],
            "resident": {
                "id": resident.pk,
                "first_name": "Anna",
                "last_name": "Nowak",
                "card_number": resident.card_number,
            },
            "issued_at": issued["issued_at"],
            "voided_at": voided["voided_at"],
            "voided_by": coordinator.username,
            "void_reason": "pomyłka",
        }
    ]
    assert body["issued"] == 0


def test_issues_voided_on_other_days_and_issues_still_standing_are_not_listed(distribution_client):
    MealIssueFactory(resident=eligible_resident(), day=DAY - datetime.timedelta(days=1), voided=True)
    MealIssueFactory(resident=eligible_resident())
    assert distribution_client.get(DAY_URL).json()["voided"] == []


def test_the_day_page_shows_the_voided_issues(distribution_client, distributor, coordinator):
    issue = MealIssueFactory(resident=eligible_resident(last_name="Żółć", first_name="Łukasz"), voided=True)
    MealIssue.objects.filter(pk=issue.pk).update(voided_by=coordinator, void_reason="wydano nie tej osobie")

    page = logged_in_client(distributor).get("/meals/day/2026-03-04/").content.decode()

    voided = page[page.index('id="voided"') :]
    assert f'data-issue="{issue.pk}"' in voided
    assert "Żółć Łukasz" in voided and "wydano nie tej osobie" in voided
