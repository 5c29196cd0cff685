"""The meals API writes its issues out directly (the check-in is the hottest path: DRF's field
machinery cost a tenth of it); the answer must stay what the declared fields, the documented
shape, would say through DRF's own machinery."""

import json

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from meals.models import MealIssue
from meals.serializers import MealIssueSerializer
from meals.services import issued_by_name, may_void
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def _as_json(data) -> dict:
    """Through the JSON renderer, as a client sees it."""
    return json.loads(JSONRenderer().render(data))


def _by_the_declared_fields(issue, user) -> dict:
    """MealIssueSerializer's declared fields run one by one by DRF, for ``user``'s request."""
    request = APIRequestFactory().get(ISSUES_URL)
    request.user = user
    issue.may_void, issue.issued_by_name = may_void(user, issue), issued_by_name(issue)
    serializer = MealIssueSerializer(issue, context={"request": request})
    return _as_json(serializers.ModelSerializer.to_representation(serializer, issue))


def test_the_answer_of_a_new_issue_is_what_the_declared_fields_say(distribution_client, distributor):
    resident = eligible_resident(
        first_name="Łucja", last_name="Żółć & <Syn>", diet=["soft", "no_pork"], allergies="seler"
    )
    body = {"resident": resident.pk, "takeaway": True, "collected_by": "córka", "client_ref": "shape-1"}

    answer = distribution_client.post(ISSUES_URL, body, format="json").json()

    issue = MealIssue.objects.select_related("resident", "issued_by", "voided_by").get()
    assert answer == _by_the_declared_fields(issue, distributor)


def test_a_voided_issue_and_a_resident_without_diet_read_the_same_both_ways(
    distribution_client, coordinator_client, coordinator
):
    resident = eligible_resident(diet=[], allergies="")
    issue_id = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["id"]

    voided = coordinator_client.post(f"{ISSUES_URL}{issue_id}/void/", {"reason": "pomyłka"}, format="json").json()

    issue = MealIssue.objects.select_related("resident", "issued_by", "voided_by").get(pk=issue_id)
    assert voided == _by_the_declared_fields(issue, coordinator)
    assert voided["voided_by"] == coordinator.username
