"""Coordinators print everything, workshop leaders attendance lists only, counter staff nothing."""

import pytest

from tasks.models import Document, DocumentKind
from tests.support import DAY, logged_in_client, nothing_changed
from tests.tasks.helpers import DOCUMENTS_URL, workshop_session

pytestmark = pytest.mark.django_db


def roster(**fields) -> Document:
    return Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, **fields)


def attendance(session) -> Document:
    return Document.objects.create(kind=DocumentKind.WORKSHOP_ATTENDANCE, subject=str(session.pk), subject_date=DAY)


def test_anonymous_clients_get_401(api_client):
    document = roster()
    with nothing_changed():
        assert api_client.get(DOCUMENTS_URL).status_code == 401
        assert (
            api_client.post(DOCUMENTS_URL, {"kind": "meal_roster", "date": "2026-03-04"}, format="json").status_code
            == 401
        )
        assert api_client.get(f"{DOCUMENTS_URL}{document.pk}/file/").status_code == 401


def test_distribution_staff_get_403_everywhere(distribution_client):
    document = roster()
    assert distribution_client.get(DOCUMENTS_URL).status_code == 403
    assert distribution_client.get(f"{DOCUMENTS_URL}{document.pk}/").status_code == 403
    assert distribution_client.get(f"{DOCUMENTS_URL}{document.pk}/file/").status_code == 403
    for body in ({"kind": "meal_roster", "date": "2026-03-04"}, {"kind": "monthly_meals", "month": "2026-02"}):
        with nothing_changed():
            assert distribution_client.post(DOCUMENTS_URL, body, format="json").status_code == 403
    assert not Document.objects.exclude(pk=document.pk).exists()


@pytest.mark.parametrize(
    "body", [{"kind": "meal_roster", "date": "2026-03-04"}, {"kind": "monthly_meals", "month": "2026-02"}]
)
def test_workshop_leaders_may_not_request_meal_documents(workshop_client, body):
    with nothing_changed():
        response = workshop_client.post(DOCUMENTS_URL, body, format="json")
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_workshop_leaders_request_and_see_only_attendance_lists(workshop_client):
    session = workshop_session()
    other = roster()
    response = workshop_client.post(
        DOCUMENTS_URL, {"kind": "workshop_attendance", "session": session.pk}, format="json"
    )
    assert response.status_code == 202
    listed = workshop_client.get(DOCUMENTS_URL).json()
    assert [d["kind"] for d in listed["results"]] == ["workshop_attendance"]
    assert workshop_client.get(f"{DOCUMENTS_URL}{other.pk}/").status_code == 404
    assert workshop_client.get(f"{DOCUMENTS_URL}{other.pk}/file/").status_code == 404


def test_coordinators_see_every_kind(coordinator_client):
    roster()
    attendance(workshop_session())
    kinds = {d["kind"] for d in coordinator_client.get(DOCUMENTS_URL).json()["results"]}
    assert kinds == {"meal_roster", "workshop_attendance"}


def test_the_service_refuses_a_kind_the_role_may_not_print(leader):
    """The rule lives in document_request: the page and the API both reach it."""
    from config.models import AuditEvent
    from tasks import exceptions, services

    with pytest.raises(exceptions.DocumentError) as refused:
        services.document_request(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY, by=leader)

    assert (refused.value.code, refused.value.status_code) == ("permission_denied", 403)
    assert not Document.objects.exists()
    assert not AuditEvent.objects.filter(action="document.request").exists()


def test_a_refused_kind_is_403_in_the_error_envelope_and_an_unknown_kind_is_400(workshop_client):
    with nothing_changed():
        refused = workshop_client.post(DOCUMENTS_URL, {"kind": "monthly_meals", "month": "2026-02"}, format="json")
        unknown = workshop_client.post(DOCUMENTS_URL, {"kind": "passport", "month": "2026-02"}, format="json")

    assert refused.status_code == 403
    assert set(refused.json()) == {"code", "detail"}
    assert refused.json()["code"] == "permission_denied"
    assert unknown.status_code == 400
    assert "kind" in unknown.json()
    assert not Document.objects.exists()


def test_the_page_is_told_which_kinds_the_user_may_request(leader, coordinator, frozen_clock):
    from tests.tasks.test_the_printouts_page import page_config

    for user, kinds in ((leader, ["workshop_attendance"]), (coordinator, list(DocumentKind.values))):
        assert page_config(logged_in_client(user).get("/documents/"))["kinds"] == kinds
