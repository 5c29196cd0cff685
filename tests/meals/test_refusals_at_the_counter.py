"""Every refusal of a check-in, with the API's status, code and extra keys."""

import datetime

import pytest

from beneficiaries.models import ClosureDay, District, EntitlementStatus
from meals.models import MealIssue
from tests.factories import EntitlementFactory, ResidentFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import DAY, NOW, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def _issue(client, **body):
    return client.post(ISSUES_URL, body, format="json")


def _refused_for(client, resident) -> list[str]:
    with nothing_changed():
        response = _issue(client, resident=resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "not_eligible"
    assert response.json()["detail"]
    return response.json()["reasons"]


def test_a_second_meal_the_same_day_is_refused_with_the_first_issue(distribution_client, distributor):
    resident = eligible_resident()
    first = _issue(distribution_client, resident=resident.pk).json()

    with nothing_changed():
        response = _issue(distribution_client, card=resident.card_number)

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "already_issued"
    assert body["detail"]
    assert body["issue"]["id"] == first["id"]
    assert body["issue"]["issued_at"] == first["issued_at"]
    assert body["issue"]["issued_by"] == distributor.username
    assert MealIssue.objects.count() == 1


def test_an_unknown_resident_id_is_404_unknown_resident(distribution_client):
    with nothing_changed():
        response = _issue(distribution_client, resident=987654)

    assert response.status_code == 404
    assert response.json()["code"] == "unknown_resident"
    assert response.json()["detail"]


@pytest.mark.parametrize("card", ["0000018", "1234567", "12", "ABC-123", "9" * 32])
def test_an_unknown_or_misread_card_is_404_unknown_resident(distribution_client, card):
    with nothing_changed():
        response = _issue(distribution_client, card=card)

    assert response.status_code == 404
    assert response.json()["code"] == "unknown_resident"


def test_an_inactive_resident_is_refused(distribution_client):
    resident = eligible_resident(is_active=False)

    assert _refused_for(distribution_client, resident) == ["inactive_resident"]


def test_a_resident_without_a_decision_is_refused(distribution_client):
    assert _refused_for(distribution_client, ResidentFactory()) == ["no_entitlement"]


def test_a_decision_that_has_not_started_is_refused(distribution_client):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, valid_from=DAY + datetime.timedelta(days=1))

    assert _refused_for(distribution_client, resident) == ["entitlement_not_started"]


def test_an_expired_decision_is_refused(distribution_client):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, valid_from=DAY.replace(month=1), valid_to=DAY - datetime.timedelta(days=1))

    assert _refused_for(distribution_client, resident) == ["entitlement_expired"]


def test_a_suspended_decision_is_refused(distribution_client):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, status=EntitlementStatus.SUSPENDED)

    assert _refused_for(distribution_client, resident) == ["entitlement_suspended"]


def test_a_decision_for_other_weekdays_is_refused(distribution_client):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, weekdays="1245")  # not Wednesday

    assert _refused_for(distribution_client, resident) == ["not_on_weekday"]


def test_a_resident_outside_the_served_districts_is_refused(distribution_client):
    resident = eligible_resident(district=District.OTHER)

    assert _refused_for(distribution_client, resident) == ["outside_district"]


def test_a_closure_day_is_refused_as_point_closed(distribution_client):
    resident = eligible_resident()
    ClosureDay.objects.create(date=DAY, reason="Dezynfekcja")

    assert _refused_for(distribution_client, resident) == ["point_closed"]


def test_a_public_holiday_is_refused_as_point_closed(distribution_client, frozen_clock):
    frozen_clock.move_to(NOW.replace(month=5, day=1))  # Friday 1 May 2026, Święto Pracy
    resident = eligible_resident(day=datetime.date(2026, 5, 1))

    assert _refused_for(distribution_client, resident) == ["point_closed"]


def test_every_applicable_reason_is_listed(distribution_client):
    resident = ResidentFactory(is_active=False, district=District.OTHER)
    EntitlementFactory(resident=resident, status=EntitlementStatus.SUSPENDED)

    reasons = _refused_for(distribution_client, resident)

    assert set(reasons) == {"inactive_resident", "entitlement_suspended", "outside_district"}


def test_refusals_record_nothing(distribution_client):
    _issue(distribution_client, resident=ResidentFactory().pk)
    _issue(distribution_client, resident=424242)

    assert not MealIssue.objects.exists()


def test_the_refusal_is_in_polish_by_default_and_english_on_request(distribution_client):
    resident = ResidentFactory()

    with nothing_changed():
        polish = _issue(distribution_client, resident=resident.pk).json()["detail"]
        english = distribution_client.post(
            ISSUES_URL, {"resident": resident.pk}, format="json", HTTP_ACCEPT_LANGUAGE="en"
        ).json()["detail"]

    assert english == "Not eligible for a hot meal today."
    assert polish != english
