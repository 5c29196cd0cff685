"""Malformed check-ins are 400 in DRF's shape, never a 500."""

import pytest

from meals.models import MealIssue
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "non_field_errors"),
        ({"resident": 1, "card": "0000018"}, "non_field_errors"),
        ({"resident": "abc"}, "resident"),
        ({"resident": 0}, "resident"),
        ({"resident": -5}, "resident"),
        ({"resident": 10**30}, "resident"),
        ({"resident": None}, "resident"),
        ({"resident": [1]}, "resident"),
        ({"card": ""}, "card"),
        ({"card": "1" * 33}, "card"),
        ({"card": {"x": 1}}, "card"),
        ({"resident": 1, "takeaway": "maybe"}, "takeaway"),
        ({"resident": 1, "collected_by": "x" * 201}, "collected_by"),
        ({"resident": 1, "client_ref": "x" * 65}, "client_ref"),
    ],
)
def test_invalid_fields_are_400_with_the_field_named(distribution_client, body, field):
    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, body, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_a_body_that_is_not_an_object_is_400(distribution_client):
    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, [1, 2], format="json")

    assert response.status_code == 400


def test_unparsable_json_is_400(distribution_client):
    with nothing_changed():
        response = distribution_client.post(ISSUES_URL, "{not json", content_type="application/json")

    assert response.status_code == 400


def test_an_empty_client_ref_counts_as_none(distribution_client):
    resident = eligible_resident()

    response = distribution_client.post(
        ISSUES_URL, {"resident": resident.pk, "client_ref": "", "collected_by": None}, format="json"
    )

    assert response.status_code == 201
    assert MealIssue.objects.get().client_ref is None


def test_a_64_character_client_ref_is_accepted(distribution_client):
    resident = eligible_resident()

    response = distribution_client.post(ISSUES_URL, {"resident": resident.pk, "client_ref": "x" * 64}, format="json")

    assert response.status_code == 201
