"""The counter's reads: one resident's state today (check/), and finding people by name or card."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beneficiaries.models import EntitlementStatus
from tests.factories import EntitlementFactory, ResidentFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
CHECK_URL = "/api/v1/meals/check/"
SEARCH_URL = "/api/v1/meals/residents/"


def test_a_resident_who_may_eat(distribution_client):
    resident = eligible_resident(diet=["vegetarian"], allergies="laktoza")

    body = distribution_client.get(CHECK_URL, {"card": resident.card_number}).json()

    assert body["state"] == "may_eat"
    assert body["reasons"] == []
    assert body["issue"] is None
    assert body["date"] == "2026-03-04"
    assert body["resident"]["diet"] == ["vegetarian"]
    assert body["resident"]["allergies"] == "laktoza"


def test_a_resident_already_served_shows_when_and_by_whom(distribution_client, distributor):
    resident = eligible_resident()
    issued = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()

    body = distribution_client.get(CHECK_URL, {"resident": resident.pk}).json()

    assert body["state"] == "already_issued"
    assert body["issue"]["id"] == issued["id"]
    assert body["issue"]["issued_at"] == issued["issued_at"]
    assert body["issue"]["issued_by"] == distributor.username
    assert body["issue"]["issued_by_name"] == distributor.get_full_name()


def test_a_resident_who_may_not_eat_says_why(distribution_client):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, status=EntitlementStatus.SUSPENDED)

    body = distribution_client.get(CHECK_URL, {"resident": resident.pk}).json()

    assert body["state"] == "not_eligible"
    assert body["reasons"] == ["entitlement_suspended"]


def test_the_state_after_a_void_is_may_eat_again(distribution_client):
    resident = eligible_resident()
    issue_id = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["id"]
    distribution_client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": "cofnięte"}, format="json")

    assert distribution_client.get(CHECK_URL, {"resident": resident.pk}).json()["state"] == "may_eat"


@pytest.mark.parametrize("params", [{"card": "0000018"}, {"card": "garbage"}, {"resident": 999999}])
def test_an_unknown_card_or_id_is_404_unknown_resident(distribution_client, params):
    response = distribution_client.get(CHECK_URL, params)

    assert response.status_code == 404
    assert response.json()["code"] == "unknown_resident"


@pytest.mark.parametrize("params", [{}, {"resident": "x"}, {"resident": 1, "card": "0000018"}, {"resident": 10**25}])
def test_a_malformed_check_is_400(distribution_client, params):
    assert distribution_client.get(CHECK_URL, params).status_code == 400


def test_a_check_reads_as_the_checkin_does_plus_todays_issue(distribution_client):
    resident = eligible_resident()
    EntitlementFactory.create_batch(3, resident=resident)
    distribution_client.get(CHECK_URL, {"resident": resident.pk})  # the role is read once per user

    with CaptureQueriesContext(connection) as queries:
        distribution_client.get(CHECK_URL, {"card": resident.card_number})

    assert len(queries) == 2  # the check-in's one read (resident, decisions, closure day), today's issue


# --- Search ---------------------------------------------------------------------------------


def test_a_name_typed_without_polish_letters_finds_the_resident(distribution_client):
    resident = eligible_resident(first_name="Łucja", last_name="Żółkiewska")
    eligible_resident(first_name="Anna", last_name="Nowak")

    body = distribution_client.get(SEARCH_URL, {"search": "zolkiewska luc"}).json()

    assert [row["id"] for row in body["results"]] == [resident.pk]
    assert body["results"][0]["last_name"] == "Żółkiewska"
    assert body["results"][0]["issued_at"] is None


def test_both_names_in_either_order_and_any_case(distribution_client):
    resident = eligible_resident(first_name="Jerzy", last_name="Kowalski")

    for text in ("KOWALSKI jerzy", "jerzy kowal", "Kowalski"):
        assert [row["id"] for row in distribution_client.get(SEARCH_URL, {"search": text}).json()["results"]] == [
            resident.pk
        ]


def test_last_name_prefix_matches_come_first(distribution_client):
    inside = eligible_resident(first_name="Ewa", last_name="Nowakowska")
    starting = eligible_resident(first_name="Ewa", last_name="Wakowska")

    results = distribution_client.get(SEARCH_URL, {"search": "wakowska"}).json()["results"]

    assert [row["id"] for row in results] == [starting.pk, inside.pk]


def test_a_card_number_finds_its_owner_and_a_served_resident_shows_the_time(distribution_client):
    resident = eligible_resident()
    issued = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()

    results = distribution_client.get(SEARCH_URL, {"search": resident.card_number}).json()["results"]

    assert [row["id"] for row in results] == [resident.pk]
    assert results[0]["issued_at"] == issued["issued_at"]


def test_search_never_matches_on_pesel(distribution_client):
    eligible_resident(pesel="44051401359")

    assert distribution_client.get(SEARCH_URL, {"search": "4405140"}).json()["results"] == []


def test_at_most_ten_people_are_returned(distribution_client):
    for _ in range(12):
        eligible_resident(last_name="Mazur")

    assert len(distribution_client.get(SEARCH_URL, {"search": "mazur"}).json()["results"]) == 10


@pytest.mark.parametrize("params", [{}, {"search": ""}, {"search": "x" * 101}])
def test_a_malformed_search_is_400(distribution_client, params):
    assert distribution_client.get(SEARCH_URL, params).status_code == 400


def test_a_one_letter_search_finds_nobody(distribution_client):
    eligible_resident(last_name="Nowak")

    assert distribution_client.get(SEARCH_URL, {"search": "n"}).json()["results"] == []


def test_namesakes_are_told_apart_by_birth_year_and_street_in_search_and_check(distribution_client):
    older = eligible_resident(
        first_name="Żaneta", last_name="Bąk", birth_date=datetime.date(1951, 5, 1), street="Cisowa"
    )
    younger = eligible_resident(
        first_name="Żaneta", last_name="Bąk", birth_date=datetime.date(1987, 9, 9), street="Azotowa"
    )

    results = distribution_client.get(SEARCH_URL, {"search": "bak zaneta"}).json()["results"]
    checked = distribution_client.get(CHECK_URL, {"resident": younger.pk}).json()["resident"]

    assert {(row["id"], row["birth_year"], row["street"]) for row in results} == {
        (older.pk, 1951, "Cisowa"),
        (younger.pk, 1987, "Azotowa"),
    }
    assert (checked["birth_year"], checked["street"]) == (1987, "Azotowa")
