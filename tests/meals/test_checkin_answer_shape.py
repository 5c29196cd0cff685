"""The check-in's answer is built without DRF's ModelSerializer (it is the hottest path); it
must stay exactly what MealIssueSerializer, the documented shape, would say."""

import pytest

from meals.models import MealIssue
from meals.serializers import MealIssueSerializer, issue_data
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def _as_json(data) -> dict:
    """Through the JSON renderer, as a client sees it."""
    import json

    from rest_framework.renderers import JSONRenderer

    return json.loads(JSONRenderer().render(data))


def _serialized(issue, user) -> dict:
    """MealIssueSerializer's answer to ``user``'s request (``may_void`` depends on who asks)."""
    from rest_framework.test import APIRequestFactory

    request = APIRequestFactory().get(ISSUES_URL)
    request.user = user
    return _as_json(MealIssueSerializer(issue, context={"request": request}).data)


def test_the_answer_of_a_new_issue_is_what_the_serializer_says(distribution_client, distributor):
    resident = eligible_resident(
        first_name="Łucja", last_name="Żółć & <Syn>", diet=["soft", "no_pork"], allergies="seler"
    )
    body = {"resident": resident.pk, "takeaway": True, "collected_by": "córka", "client_ref": "shape-1"}

    answer = distribution_client.post(ISSUES_URL, body, format="json").json()

    issue = MealIssue.objects.select_related("resident", "issued_by", "voided_by").get()
    assert answer == _serialized(issue, distributor)


def test_a_voided_issue_and_a_resident_without_diet_read_the_same_both_ways(
    distribution_client, distributor, coordinator
):
    resident = eligible_resident(diet=[], allergies="")
    issue_id = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").json()["id"]
    MealIssue.objects.filter(pk=issue_id).update(voided_by=coordinator, void_reason="pomyłka")
    issue = MealIssue.objects.select_related("resident", "issued_by", "voided_by").get(pk=issue_id)
    issue.voided_at = issue.issued_at

    for user in (distributor, coordinator):
        assert _as_json(issue_data(issue, user=user)) == _serialized(issue, user)
