"""A check-in writes its audit event in the same statement as the issue (one round trip on
PostgreSQL); the event must be exactly the one audit_record() would have written."""

import datetime

import pytest

from config.audit import audit_record
from config.models import AuditEvent
from meals.models import MealIssue
from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

FIELDS = ("actor_id", "action", "object_type", "object_id", "before", "after")


def test_the_event_of_a_checkin_is_the_one_audit_record_writes(distribution_client, distributor):
    resident = eligible_resident()
    body = {"resident": resident.pk, "takeaway": True, "collected_by": "córka", "client_ref": "audit-1"}
    issue_id = distribution_client.post(ISSUES_URL, body, format="json").json()["id"]
    written = AuditEvent.objects.get(action="meal.issue")
    issue = MealIssue.objects.get(pk=issue_id)

    expected = audit_record(
        actor=distributor,
        action="meal.issue",
        obj=issue,
        after={
            "resident": resident.pk,
            "date": issue.date,
            "issued_at": issue.issued_at,
            "source": "counter",
            "takeaway": True,
            "collected_by": "córka",
            "client_ref": "audit-1",
        },
    )
    expected.refresh_from_db()

    assert {f: getattr(written, f) for f in FIELDS} == {f: getattr(expected, f) for f in FIELDS}
    assert abs(written.at - issue.issued_at) < datetime.timedelta(seconds=5)


def test_a_refused_checkin_writes_no_event(distribution_client):
    resident = eligible_resident()
    distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    refused = distribution_client.post(ISSUES_URL, {"resident": resident.pk}, format="json")

    assert refused.status_code == 409
    assert AuditEvent.objects.filter(action="meal.issue").count() == 1
