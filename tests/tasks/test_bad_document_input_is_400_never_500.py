"""Bad kinds and parameters are 400s in DRF's shape; unknown ids are 404s; nothing is a 500."""

import pytest

from tasks.models import Document
from tests.support import nothing_changed
from tests.tasks.helpers import DOCUMENTS_URL, HOLIDAY, SUNDAY, workshop_session

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "kind"),
        ({"kind": "payslips"}, "kind"),
        ({"kind": ["meal_roster"]}, "kind"),
        ({"kind": None}, "kind"),
        ({"kind": "meal_roster"}, "date"),
        ({"kind": "meal_roster", "date": "04.03.2026"}, "date"),
        ({"kind": "meal_roster", "date": "2026-02-30"}, "date"),
        ({"kind": "meal_roster", "date": 20260304}, "date"),
        ({"kind": "meal_roster", "date": True}, "date"),
        ({"kind": "meal_roster", "date": "1900-03-05"}, "date"),
        ({"kind": "meal_roster", "date": SUNDAY.isoformat()}, "date"),
        ({"kind": "meal_roster", "date": HOLIDAY.isoformat()}, "date"),
        ({"kind": "meal_roster", "month": "2026-03"}, "date"),
        ({"kind": "workshop_attendance"}, "session"),
        ({"kind": "workshop_attendance", "session": "abc"}, "session"),
        ({"kind": "workshop_attendance", "session": 1.5}, "session"),
        ({"kind": "workshop_attendance", "session": 0}, "session"),
        ({"kind": "workshop_attendance", "session": 10**30}, "session"),
        ({"kind": "workshop_attendance", "session": 987654}, "session"),
        ({"kind": "monthly_meals"}, "month"),
        ({"kind": "monthly_meals", "month": "2026-13"}, "month"),
        ({"kind": "monthly_meals", "month": "2026-3"}, "month"),
        ({"kind": "monthly_meals", "month": "1899-12"}, "month"),
        ({"kind": "monthly_meals", "month": "2026-03" * 100}, "month"),
        ({"kind": "monthly_meals", "month": {"y": 2026}}, "month"),
    ],
)
def test_bad_parameters_are_400_on_the_field(coordinator_client, body, field):
    with nothing_changed():
        response = coordinator_client.post(DOCUMENTS_URL, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert isinstance(response.json()[field], list)
    assert not Document.objects.exists()


def test_a_cancelled_session_is_refused(coordinator_client):
    session = workshop_session(status="cancelled")
    with nothing_changed():
        response = coordinator_client.post(
            DOCUMENTS_URL, {"kind": "workshop_attendance", "session": session.pk}, format="json"
        )
    assert response.status_code == 400
    assert "session" in response.json()


@pytest.mark.parametrize("payload", ['["meal_roster"]', '"meal_roster"', "{not json", "null"])
def test_a_body_that_is_not_an_object_is_400(coordinator_client, payload):
    with nothing_changed():
        response = coordinator_client.generic("POST", DOCUMENTS_URL, payload, content_type="application/json")
    assert response.status_code == 400


def test_a_form_encoded_body_is_refused_not_crashed(coordinator_client):
    with nothing_changed():
        response = coordinator_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": "2026-03-04"})
    assert response.status_code == 415


@pytest.mark.parametrize(
    "query", [{"kind": "payslips"}, {"date": "yesterday"}, {"date": "2026-02-30"}, {"created": "x"}, {"page": "abc"}]
)
def test_bad_list_filters_are_400_or_404(coordinator_client, query):
    response = coordinator_client.get(DOCUMENTS_URL, query)
    assert response.status_code in (400, 404)
    if "page" not in query:
        assert response.status_code == 400
        assert next(iter(query)) in response.json()


@pytest.mark.parametrize("suffix", ["", "file/", "file/csv/"])
@pytest.mark.parametrize("document_id", ["987654", "9" * 30])
def test_unknown_and_huge_ids_are_404(coordinator_client, document_id, suffix):
    response = coordinator_client.get(f"{DOCUMENTS_URL}{document_id}/{suffix}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
