import pytest

from config.models import AuditEvent
from tests.support import nothing_changed
from workshops.models import WorkshopSession

URL = "/api/v1/workshops/sessions/"


def body(**changes):
    data = {
        "title": "Gotowanie z FEAD-em: zupy",
        "topic": "cooking",
        "starts_at": "2026-12-03T10:00:00+01:00",
        "ends_at": "2026-12-03T13:00:00+01:00",
        "capacity": 8,
        "location": "Kuchnia CPS, ul. Kasprowicza 2",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_a_leader_creates_a_session_and_leads_it(workshop_client, leader, frozen_clock):
    response = workshop_client.post(URL, body(), format="json")
    assert response.status_code == 201
    data = response.json()
    assert data["title"] == "Gotowanie z FEAD-em: zupy"
    assert data["topic"] == "cooking"
    assert data["capacity"] == 8
    assert data["starts_at"] == "2026-12-03T10:00:00+01:00"
    assert data["confirmed_count"] == 0
    assert data["waitlist_count"] == 0
    assert data["status"] == "scheduled"
    assert data["leader"] == leader.pk
    assert WorkshopSession.objects.get(pk=data["id"]).created_by == leader


@pytest.mark.django_db
def test_a_coordinator_may_name_the_leader(coordinator_client, leader, frozen_clock):
    response = coordinator_client.post(URL, body(leader=leader.pk), format="json")
    assert response.status_code == 201
    assert response.json()["leader"] == leader.pk


@pytest.mark.django_db
def test_the_leader_must_be_a_workshop_leader_or_coordinator(coordinator_client, distributor, frozen_clock):
    with nothing_changed():
        response = coordinator_client.post(URL, body(leader=distributor.pk), format="json")
    assert response.status_code == 400
    assert "leader" in response.json()


@pytest.mark.django_db
def test_a_session_held_on_paper_may_be_entered_afterwards(workshop_client, frozen_clock):
    response = workshop_client.post(
        URL, body(starts_at="2026-11-20T10:00:00+01:00", ends_at="2026-11-20T12:00:00+01:00"), format="json"
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_every_theme_of_the_programme_is_accepted(workshop_client, frozen_clock):
    for topic in ["cooking", "nutrition", "budgeting", "food_waste"]:
        assert workshop_client.post(URL, body(topic=topic), format="json").status_code == 201


@pytest.mark.django_db
def test_creating_a_session_is_audited(workshop_client, leader, frozen_clock):
    session_id = workshop_client.post(URL, body(), format="json").json()["id"]
    event = AuditEvent.objects.get(object_type="workshops.workshopsession", object_id=str(session_id))
    assert event.action == "workshop_session.create"
    assert event.actor == leader


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": "2026-12-03T10:00:00+01:00"}, "ends_at"),
        ({"ends_at": "2026-12-03T09:00:00+01:00"}, "ends_at"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": 501}, "capacity"),
        ({"capacity": 10**30}, "capacity"),
        ({"capacity": "many"}, "capacity"),
        ({"capacity": 2.5}, "capacity"),
        ({"topic": "sport"}, "topic"),
        ({"topic": ["cooking"]}, "topic"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": None}, "title"),
        ({"location": "x" * 201}, "location"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"starts_at": "0001-01-01T00:00:00+14:00"}, "starts_at"),
        ({"starts_at": None}, "starts_at"),
        ({"ends_at": 12}, "ends_at"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(workshop_client, frozen_clock, changes, field):
    data = body(**changes)
    with nothing_changed():
        response = workshop_client.post(URL, data, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not WorkshopSession.objects.exists()


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_a_400(workshop_client, frozen_clock):
    with nothing_changed():
        response = workshop_client.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_list_instead_of_an_object_is_a_400(workshop_client, frozen_clock):
    with nothing_changed():
        response = workshop_client.post(URL, [body()], format="json")
    assert response.status_code == 400
