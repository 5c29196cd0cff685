"""Inside the endpoints: each role may do and see the same in the API and on the pages.

The expectations are tests/security/permission_policy.py's (the API's roles written out): which
personal fields each role receives, which document kinds it may print, whose meal issues it may
void, which workshop sessions it reads and who may name another session's leader.
"""

import datetime
from decimal import Decimal

import pytest

from beneficiaries.models import Program
from meals.models import MealIssue
from tasks.models import KIND_PARAMETER, Document, DocumentKind
from tests.factories import EntitlementFactory, ResidentFactory, UserFactory
from tests.security.conftest import api_client_for
from tests.security.permission_policy import (
    DOCUMENT_KINDS,
    FIELDS,
    NAME_ANOTHER_LEADER,
    READ_EVERY_SESSION,
    VOID_ANY,
    VOID_OWN_TODAY,
)
from tests.support import DAY, NOW, logged_in_client, nothing_changed
from workshops.models import Topic, WorkshopSession

ROLES = ("distribution", "workshop", "coordinator")
RESIDENT_FIELDS = {"pesel", "notes", "phone", "diet", "allergies"}
ENTITLEMENT_FIELDS = {"monthly_income", "household_size"}


# --- Personal fields -------------------------------------------------------------------------------


@pytest.fixture
def person(db):
    resident = ResidentFactory(
        pesel="44051401359",
        notes="Notatka-dla-koordynatora",
        phone="+48 600 700 800",
        diet=["diabetic"],
        allergies="orzechy",
    )
    EntitlementFactory(resident=resident, program=Program.HOT_MEAL, household_size=3, monthly_income=Decimal("1234.56"))
    return resident


# What each field looks like on the resident's page.
PAGE_MARKERS = {
    "pesel": ("44051401359",),
    "notes": ("Notatka-dla-koordynatora",),
    "phone": ("600 700 800",),
    "monthly_income": ("1234.56", "1234,56"),
    "allergies": ("orzechy",),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_receives_exactly_the_personal_fields_the_policy_gives_it(role, person, principals):
    client = api_client_for(principals[role])
    detail = client.get(f"/api/v1/residents/{person.pk}/").json()
    listed = client.get("/api/v1/residents/", {"search": person.last_name}).json()["results"]
    entitlements = client.get(f"/api/v1/residents/{person.pk}/entitlements/").json()["results"]

    for field, roles in FIELDS.items():
        allowed = role in roles
        answers = [detail, listed[0]] if field in RESIDENT_FIELDS else [detail["entitlements"][0], entitlements[0]]
        for answer in answers:
            assert (field in answer) is allowed, (role, field)
        if allowed and field in RESIDENT_FIELDS:
            assert detail[field] == getattr(person, field)


@pytest.mark.parametrize("role", ROLES)
def test_the_resident_page_shows_the_same_fields_as_the_api(role, person, principals):
    html = logged_in_client(principals[role]).get(f"/residents/{person.pk}/").content.decode()

    for field, markers in PAGE_MARKERS.items():
        assert any(marker in html for marker in markers) is (role in FIELDS[field]), (role, field)


# --- Document kinds --------------------------------------------------------------------------------


def _parameter(world, kind: str) -> dict:
    """The kind's one parameter (tasks.models.KIND_PARAMETER), so that a new kind is covered too."""
    name = KIND_PARAMETER[kind]
    return {name: {"date": DAY.isoformat(), "session": world.started_session.pk, "month": "2026-02"}[name]}


def _document_request(world, kind: str) -> dict:
    return {"kind": kind, **_parameter(world, kind)}


def test_the_policy_names_every_document_kind():
    assert set(DOCUMENT_KINDS) == set(DocumentKind.values)


@pytest.mark.parametrize("kind", DocumentKind.values)
@pytest.mark.parametrize("role", ["workshop", "coordinator"])
def test_a_kind_is_printable_on_the_page_exactly_when_it_is_in_the_api(role, kind, world, principals):
    allowed = role in DOCUMENT_KINDS[kind]
    body = _document_request(world, kind)
    before = Document.objects.count()

    by_api, by_page = api_client_for(principals[role]), logged_in_client(principals[role])

    with nothing_changed(unless=allowed):
        api = by_api.post("/api/v1/documents/", body)
        page = by_page.post("/documents/", body)

    assert api.status_code == (202 if allowed else 403)
    assert page.status_code == (302 if allowed else 403)
    assert (Document.objects.count() > before) is allowed  # the same data may reuse one document


@pytest.mark.parametrize("kind", DocumentKind.values)
@pytest.mark.parametrize("role", ["workshop", "coordinator"])
def test_a_kind_the_role_may_not_print_is_not_found_when_read(role, kind, world, principals):
    subject = str(next(iter(_parameter(world, kind).values())))
    document = Document.objects.create(kind=kind, subject=subject, subject_date=DAY)
    client = api_client_for(principals[role])

    detail = client.get(f"/api/v1/documents/{document.pk}/")
    listed = {row["id"] for row in client.get("/api/v1/documents/", {"kind": kind}).json()["results"]}

    assert detail.status_code == (200 if role in DOCUMENT_KINDS[kind] else 404)
    assert (document.pk in listed) is (role in DOCUMENT_KINDS[kind])


# --- Voiding meal issues ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["distribution", "coordinator"])
def test_who_may_void_which_issue_is_told_and_done_as_the_policy_says(role, world, principals):
    user, colleague = principals[role], UserFactory(role="distribution")
    yesterday = DAY - datetime.timedelta(days=1)
    cases = {  # (own, today) -> the issue
        (True, True): _issue(user, DAY),
        (False, True): _issue(colleague, DAY),
        (True, False): _issue(user, yesterday),
    }
    client = api_client_for(user)
    told = {}
    for day in (DAY, yesterday):
        rows = client.get("/api/v1/meals/issues/", {"date": day.isoformat()}).json()["results"]
        told.update({row["id"]: row["may_void"] for row in rows})

    for (own, today), issue in cases.items():
        expected = role in VOID_ANY or (role in VOID_OWN_TODAY and own and today)
        assert told[issue.pk] is expected, (role, own, today)
        with nothing_changed(unless=expected):
            response = client.post(f"/api/v1/meals/issues/{issue.pk}/void/", {"reason": "pomyłka"})
        assert response.status_code == (200 if expected else 403), (role, own, today)
        issue.refresh_from_db()
        assert issue.is_voided is expected


def _issue(by, day) -> MealIssue:
    moment = NOW - datetime.timedelta(days=(DAY - day).days, minutes=30)
    return MealIssue.objects.create(resident=ResidentFactory(), date=day, issued_at=moment, issued_by=by)


# --- Workshop sessions -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["workshop", "coordinator"])
def test_every_session_is_read_in_the_api_and_on_the_page_alike(role, world, principals):
    colleague = UserFactory(role="workshop")
    theirs = WorkshopSession.objects.create(
        title="Zajęcia kolegi",
        topic=Topic.COOKING,
        starts_at=NOW + datetime.timedelta(days=2),
        ends_at=NOW + datetime.timedelta(days=2, hours=2),
        capacity=5,
        leader=colleague,
    )
    api = api_client_for(principals[role])
    page = logged_in_client(principals[role])

    in_api = {row["id"] for row in api.get("/api/v1/workshops/sessions/").json()["results"]}
    everyone = page.get("/workshops/", {"who": "all"})
    own = page.get("/workshops/", {"who": "mine"}).content.decode()

    assert (theirs.pk in in_api) is (role in READ_EVERY_SESSION)
    assert ({s.pk for s in everyone.context["sessions"]} == in_api) is (role in READ_EVERY_SESSION)
    assert "Zajęcia kolegi" not in own  # the leader's own list: a filter, not a permission
    assert api.get(f"/api/v1/workshops/sessions/{theirs.pk}/").status_code == 200
    assert page.get(f"/workshops/{theirs.pk}/").status_code == 200


@pytest.mark.parametrize("role", ["workshop", "coordinator"])
def test_naming_another_leader_is_allowed_alike_in_the_api_and_on_the_page(role, world, principals):
    other = UserFactory(role="workshop")
    allowed = role in NAME_ANOTHER_LEADER
    body = {
        "title": "Zupy",
        "topic": "cooking",
        "starts_at": (NOW + datetime.timedelta(days=3)).isoformat(),
        "ends_at": (NOW + datetime.timedelta(days=3, hours=2)).isoformat(),
        "capacity": 6,
        "leader": other.pk,
    }
    before = WorkshopSession.objects.count()

    with nothing_changed(unless=allowed):
        response = api_client_for(principals[role]).post("/api/v1/workshops/sessions/", body)
    form = logged_in_client(principals[role]).get("/workshops/new/").content.decode()

    assert response.status_code == (201 if allowed else 403)
    assert WorkshopSession.objects.count() == before + (1 if allowed else 0)
    assert ('name="leader"' in form) is allowed
    own = api_client_for(principals[role]).post("/api/v1/workshops/sessions/", {**body, "leader": principals[role].pk})
    assert own.status_code == 201
