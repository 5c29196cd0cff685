"""Personal fields by role, generated: every role x every personal field x every GET endpoint and page it may read.

Two people carry a marker in each personal field: the world's resident, signed up to a session
the leader leads, and a stranger signed up to nothing. Wherever a role may read, no marker of a
field it may not see on that person appears (permission_policy.FIELDS, PHONE_OF_PARTICIPANTS);
where it may see one, the resident's page and the API show it. The list past its first page is
a bulk read and lands in the audit trail.
"""

from decimal import Decimal

import pytest
from django.test import Client

from beneficiaries.models import Entitlement, Program, Resident
from config.models import AuditEvent
from tests.factories import ResidentFactory, eligible_resident
from tests.security import figures
from tests.security.conftest import api_client_for
from tests.security.endpoints import api_operations, pages
from tests.security.permission_policy import API, FIELDS, PAGES, PHONE_OF_PARTICIPANTS, PUBLIC, PUBLIC_PAGES
from workshops.models import Signup, SignupStatus

ROLES = ("distribution", "workshop", "coordinator")
# field -> what it looks like in a JSON answer or on a page, for each of the two people.
MARKERS = {
    "resident": {
        "pesel": ("44051401359",),
        "notes": ("Notatka-o-osobie",),
        "phone": ("600111222",),
        "monthly_income": ("1234.56", "1234,56"),
        "household_size": ('"household_size":7',),
    },
    "stranger": {
        "pesel": ("02270803628",),
        "notes": ("Notatka-o-obcym",),
        "phone": ("600333444",),
        "monthly_income": ("2345.67", "2345,67"),
        "household_size": ('"household_size":9',),
    },
}


@pytest.fixture
def people(world):
    """The world's resident (signed up to the leader's session) and a stranger, both marked."""
    Resident.objects.filter(pk=world.resident.pk).update(
        pesel="44051401359", notes="Notatka-o-osobie", phone="600111222"
    )
    Entitlement.objects.filter(resident=world.resident).update(monthly_income=Decimal("1234.56"), household_size=7)
    stranger = eligible_resident(
        Program.HOT_MEAL, pesel="02270803628", notes="Notatka-o-obcym", phone="600333444", last_name="Obcy"
    )
    Entitlement.objects.filter(resident=stranger).update(monthly_income=Decimal("2345.67"), household_size=9)
    return {"resident": world.resident, "stranger": stranger}


def may_see(role: str, field: str, person: str) -> bool:
    if role in FIELDS[field]:
        return True
    return field == "phone" and role in PHONE_OF_PARTICIPANTS and person == "resident"


def leaks(body: str, role: str) -> list[str]:
    return [
        f"{person}.{field}"
        for person, fields in MARKERS.items()
        for field, markers in fields.items()
        if not may_see(role, field, person) and any(marker in body for marker in markers)
    ]


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace").replace(": ", ":")


def readable_api(role: str):
    for endpoint, method in api_operations():
        allowed = API[(endpoint.name, method)]
        if method == "GET" and allowed != PUBLIC and role in allowed:
            yield endpoint


def readable_pages(role: str):
    for endpoint in pages():
        if endpoint.name not in PUBLIC_PAGES and role in PAGES.get(endpoint.name, {}).get("GET", ()):
            yield endpoint


@pytest.mark.parametrize("role", ROLES)
def test_no_endpoint_or_page_shows_a_field_the_role_may_not_see(world, people, principals, role):
    api, browser = api_client_for(principals[role]), Client()
    browser.force_login(principals[role])
    found, checked = {}, 0
    for client, endpoints in ((api, readable_api(role)), (browser, readable_pages(role))):
        for endpoint in endpoints:
            url = endpoint.url(world)
            found[endpoint.name] = leaks(body_of(client.get(url)), role)
            checked += sum(len(fields) for fields in MARKERS.values())
    figures.counts.update({f"field_checks_{role}": checked, f"field_endpoints_{role}": len(found)})
    assert {name: fields for name, fields in found.items() if fields} == {}
    assert len(found) >= 10


@pytest.mark.parametrize("role", ROLES)
def test_the_register_shows_each_field_to_the_roles_that_may_see_it(people, principals, role):
    client = api_client_for(principals[role])
    listed = {row["id"]: row for row in client.get("/api/v1/residents/", {"page_size": 200}).json()["results"]}
    for person, resident in people.items():
        row = client.get(f"/api/v1/residents/{resident.pk}/").json()
        for answer in (row, listed[resident.pk]):
            for field in ("pesel", "notes", "phone"):
                assert (field in answer) is may_see(role, field, person), (role, person, field)
        entitlement = row["entitlements"][0]
        assert ("monthly_income" in entitlement) is may_see(role, "monthly_income", person)


def test_a_leader_sees_the_phone_of_the_people_signed_up_to_their_sessions_on_the_session_page(world, people, leader):
    Signup.objects.create(
        session=world.session, resident=people["stranger"], status=SignupStatus.WAITLISTED, waitlist_position=1
    )
    browser = Client()
    browser.force_login(leader)
    page = browser.get(f"/workshops/{world.session.pk}/").content.decode()
    assert "600111222" in page and "600333444" in page  # confirmed and waiting
    page = browser.get(f"/residents/{people['stranger'].pk}/").content.decode()
    assert "600333444" in page  # the resident's page answers as the API does


def test_a_cancelled_sign_up_gives_no_phone(world, people, leader):
    Signup.objects.filter(resident=world.resident).update(status=SignupStatus.CANCELLED, waitlist_position=None)
    answer = api_client_for(leader).get(f"/api/v1/residents/{world.resident.pk}/").json()
    assert "phone" not in answer


def test_a_leader_does_not_see_the_phone_of_another_leaders_participants(world, people, leader):
    world.session.leader = None
    world.session.save()
    world.started_session.leader = None
    world.started_session.save()
    answer = api_client_for(leader).get(f"/api/v1/residents/{world.resident.pk}/").json()
    assert "phone" not in answer


def test_every_public_page_named_in_the_policy_exists():
    assert {endpoint.name for endpoint in pages()} >= PUBLIC_PAGES


# --- Bulk reads ------------------------------------------------------------------------------------


@pytest.fixture
def many(db):
    return ResidentFactory.create_batch(51)


def test_the_first_page_of_the_register_is_a_look_up_not_recorded(many, distributor):
    api_client_for(distributor).get("/api/v1/residents/")
    assert not AuditEvent.objects.filter(action="resident.list_read").exists()


@pytest.mark.parametrize("query", [{"page": 2}, {"page_size": 200}])
def test_a_page_past_the_first_or_a_long_one_is_recorded(many, distributor, query):
    assert api_client_for(distributor).get("/api/v1/residents/", query).status_code == 200
    event = AuditEvent.objects.get(action="resident.list_read")
    assert event.actor == distributor and event.object_type == "beneficiaries.resident"
    assert event.after["rows"] in (1, 51)


def test_the_register_page_past_the_first_is_recorded(many, coordinator):
    browser = Client()
    browser.force_login(coordinator)
    assert browser.get("/residents/", {"page": 2}).status_code == 200
    assert AuditEvent.objects.get(action="resident.list_read").after == {"page": 2, "rows": 1, "search": ""}


def test_document_downloads_and_exports_are_recorded(world, coordinator, leader):
    api_client_for(leader).get(f"/api/v1/documents/{world.document.pk}/file/")
    api_client_for(coordinator).get(f"/api/v1/residents/{world.resident.pk}/export/")
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"document.download", "resident.export"} <= actions
