"""GET /api/v1/meals/offline-pack/: the day's list a counter keeps to serve without the network."""

import datetime

import pytest

from beneficiaries.models import ClosureDay, District
from config.models import AuditEvent
from tests.factories import MealIssueFactory, ResidentFactory, eligible_resident
from tests.support import DAY, logged_in_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]
PACK_URL = "/api/v1/meals/offline-pack/"


def test_the_pack_holds_everyone_eligible_today_with_what_the_counter_shows(distribution_client):
    served = eligible_resident(
        first_name="Żaneta", last_name="Bąk", birth_date=datetime.date(1956, 2, 3), diet=["soft"], allergies="orzechy"
    )
    waiting = eligible_resident(first_name="Adam", last_name="Cieślak")
    ResidentFactory(last_name="Bez Decyzji")
    eligible_resident(last_name="Spoza", district=District.OTHER)
    MealIssueFactory(resident=served, day=DAY)

    body = distribution_client.get(PACK_URL).json()

    assert body["date"] == "2026-03-04"
    assert body["generated_at"].startswith("2026-03-04T11:3")
    assert [row["id"] for row in body["residents"]] == [served.pk, waiting.pk]
    first, second = body["residents"]
    assert first == {
        "id": served.pk,
        "first_name": "Żaneta",
        "last_name": "Bąk",
        "birth_year": 1956,
        "street": served.street,
        "card_number": served.card_number,
        "diet": ["soft"],
        "allergies": "orzechy",
        "issued_at": "2026-03-04T12:05:00+01:00",
    }
    assert second["issued_at"] is None


def test_the_pack_never_carries_the_pesel_notes_or_phone(distribution_client):
    eligible_resident(pesel="44051401359", notes="tajne", phone="600100200")

    (row,) = distribution_client.get(PACK_URL).json()["residents"]

    assert not {"pesel", "notes", "phone"} & set(row)
    assert "44051401359" not in str(row)


def test_a_voided_issue_leaves_the_resident_unserved_in_the_pack(distribution_client):
    resident = eligible_resident()
    MealIssueFactory(resident=resident, day=DAY, voided=True)

    (row,) = distribution_client.get(PACK_URL).json()["residents"]

    assert row["issued_at"] is None


def test_on_a_closed_day_the_pack_is_empty(distribution_client):
    eligible_resident()
    ClosureDay.objects.create(date=DAY, reason="remont")

    assert distribution_client.get(PACK_URL).json()["residents"] == []


def test_the_pack_is_never_stored_by_a_browser_or_proxy(distribution_client):
    response = distribution_client.get(PACK_URL)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_each_download_is_in_the_audit_trail(coordinator_client, coordinator):
    eligible_resident()
    eligible_resident()

    coordinator_client.get(PACK_URL)

    event = AuditEvent.objects.get(action="meal.offline_pack")
    assert event.actor == coordinator
    assert event.after == {"date": "2026-03-04", "residents": 2}


def test_the_pack_costs_the_same_queries_for_two_residents_or_forty(distributor, django_assert_num_queries):
    browser = logged_in_client(distributor)
    for _ in range(2):
        MealIssueFactory(resident=eligible_resident(), day=DAY)
    with django_assert_num_queries(QUERIES):
        browser.get(PACK_URL)
    for _ in range(38):
        MealIssueFactory(resident=eligible_resident(), day=DAY)
    with django_assert_num_queries(QUERIES):
        body = browser.get(PACK_URL).json()
    assert len(body["residents"]) == 40


# Session, user, role; the closure day, the residents, the day's issues; the audit event.
QUERIES = 7
