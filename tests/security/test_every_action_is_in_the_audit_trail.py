"""Each action docs/domain.md names leaves one audit event: who, when, what before and after.

Every action is done the way staff do it (the API, or the page where that is the only way),
and the event is then read back through the coordinator's audit API.
"""

import datetime

from config.models import AuditEvent
from tasks.services import meal_roster_schedule
from tests.security.conftest import api_client_for, entitlements_ended
from tests.support import DAY
from workshops.models import SignupStatus


def read_back(coordinator, action: str, object_id) -> dict:
    """The newest event of ``action`` about ``object_id``, as the audit API shows it."""
    response = api_client_for(coordinator).get("/api/v1/audit/", {"action": action, "object_id": str(object_id)})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results, f"no {action} event about {object_id}"
    return results[0]


def assert_ok(response, *codes):
    assert response.status_code in (codes or (200, 201, 202)), response.content


# --- Meals --------------------------------------------------------------------------------------


def test_a_meal_issue_is_recorded(world, distributor, coordinator):
    response = api_client_for(distributor).post("/api/v1/meals/issues/", {"resident": world.other_resident.pk})
    assert_ok(response, 201)
    event = read_back(coordinator, "meal.issue", response.json()["id"])
    assert event["actor"] == distributor.username
    assert event["after"]["resident"] == world.other_resident.pk and event["after"]["date"] == DAY.isoformat()


def test_a_void_is_recorded_with_the_state_before(world, distributor, coordinator):
    response = api_client_for(distributor).post(f"/api/v1/meals/issues/{world.issue.pk}/void/", {"reason": "pomyłka"})
    assert_ok(response, 200)
    event = read_back(coordinator, "meal.void", world.issue.pk)
    assert event["actor"] == distributor.username
    assert event["before"] == {"voided_at": None}
    assert event["after"]["void_reason"] == "pomyłka" and event["after"]["voided_at"]


# --- Workshops ----------------------------------------------------------------------------------


def test_a_sign_up_is_recorded(world, leader, coordinator):
    url = f"/api/v1/workshops/sessions/{world.session.pk}/signups/"
    response = api_client_for(leader).post(url, {"resident": world.other_resident.pk})
    assert_ok(response, 201)
    event = read_back(coordinator, "signup.create", response.json()["id"])
    assert event["actor"] == leader.username
    assert event["after"]["resident"] == world.other_resident.pk and event["after"]["status"] == "confirmed"


def test_a_cancellation_is_recorded_with_the_status_before(world, leader, coordinator):
    response = api_client_for(leader).post(f"/api/v1/workshops/signups/{world.signup.pk}/cancel/")
    assert_ok(response, 200)
    event = read_back(coordinator, "signup.cancel", world.signup.pk)
    assert event["actor"] == leader.username
    assert event["before"]["status"] == SignupStatus.CONFIRMED and event["after"]["status"] == SignupStatus.CANCELLED


def test_cancelling_a_session_records_it_and_each_sign_up_it_cancels(world, coordinator):
    response = api_client_for(coordinator).post(f"/api/v1/workshops/sessions/{world.session.pk}/cancel/")
    assert_ok(response, 200)
    assert read_back(coordinator, "workshop_session.cancel", world.session.pk)["after"]["status"] == "cancelled"
    assert read_back(coordinator, "signup.cancel", world.signup.pk)["after"]["reason"] == "session_cancelled"


def test_each_attendance_change_is_recorded_with_the_mark_before(world, leader, coordinator):
    url = f"/api/v1/workshops/signups/{world.started_signup.pk}/attendance/"
    client = api_client_for(leader)
    assert_ok(client.post(url, {"attended": True}, format="json"), 200)
    first = read_back(coordinator, "signup.attendance", world.started_signup.pk)
    assert (first["before"], first["after"], first["actor"]) == ({"attended": None}, {"attended": True}, "leader")
    assert_ok(client.post(url, {"attended": False}, format="json"), 200)
    second = read_back(coordinator, "signup.attendance", world.started_signup.pk)
    assert (second["before"], second["after"]) == ({"attended": True}, {"attended": False})


def test_marking_everyone_present_records_each_participant(world, leader, coordinator):
    url = f"/api/v1/workshops/sessions/{world.started_session.pk}/mark-all-present/"
    assert_ok(api_client_for(leader).post(url), 200)
    assert read_back(coordinator, "signup.attendance", world.started_signup.pk)["after"] == {"attended": True}


# --- Eligibility --------------------------------------------------------------------------------


def test_a_new_entitlement_is_recorded(world, coordinator):
    body = {
        "program": "hot_meal",
        "valid_from": "2026-06-01",
        "valid_to": "2026-12-31",
        "document_number": "OPS.8220.77.2026",
    }
    response = api_client_for(coordinator).post(f"/api/v1/residents/{world.resident.pk}/entitlements/", body)
    assert_ok(response, 201)
    event = read_back(coordinator, "entitlement.create", response.json()["id"])
    assert event["after"]["valid_to"] == "2026-12-31" and event["after"]["resident_id"] == world.resident.pk


def test_suspending_and_resuming_an_entitlement_are_recorded(world, coordinator):
    entitlement = world.resident.entitlements.first()
    client = api_client_for(coordinator)
    assert_ok(client.post(f"/api/v1/entitlements/{entitlement.pk}/suspend/"), 200)
    assert_ok(client.post(f"/api/v1/entitlements/{entitlement.pk}/resume/"), 200)
    suspended = read_back(coordinator, "entitlement.suspend", entitlement.pk)
    resumed = read_back(coordinator, "entitlement.resume", entitlement.pk)
    assert (suspended["before"], suspended["after"]) == ({"status": "active"}, {"status": "suspended"})
    assert (resumed["before"], resumed["after"]) == ({"status": "suspended"}, {"status": "active"})


def test_a_resident_change_that_affects_eligibility_is_recorded(world, coordinator):
    body = {"is_active": False, "district": "other"}
    assert_ok(api_client_for(coordinator).patch(f"/api/v1/residents/{world.resident.pk}/", body, format="json"), 200)
    event = read_back(coordinator, "resident.update", world.resident.pk)
    assert event["before"] == {"district": "chorzow_stary", "is_active": True}
    assert event["after"] == {"district": "other", "is_active": False}


def test_a_closure_day_is_recorded(world, coordinator):
    response = api_client_for(coordinator).post("/api/v1/closure-days/", {"date": "2026-05-04", "reason": "Remont"})
    assert_ok(response, 201)
    assert read_back(coordinator, "closureday.create", response.json()["id"])["after"]["reason"] == "Remont"


def test_moving_a_street_to_another_district_is_recorded(world, coordinator):
    url = f"/api/v1/streets/{world.street.pk}/"
    assert_ok(api_client_for(coordinator).patch(url, {"district": "other"}, format="json"), 200)
    event = read_back(coordinator, "street.update", world.street.pk)
    assert event["before"]["district"] != "other" and event["after"]["district"] == "other"


# --- Prints and downloads -----------------------------------------------------------------------


def test_a_document_request_is_recorded(world, coordinator):
    response = api_client_for(coordinator).post("/api/v1/documents/", {"kind": "meal_roster", "date": DAY.isoformat()})
    assert_ok(response, 202)
    event = read_back(coordinator, "document.request", response.json()["id"])
    assert event["actor"] == coordinator.username
    assert event["after"] == {"kind": "meal_roster", "subject": DAY.isoformat()}


def test_a_document_requested_on_the_printouts_page_is_recorded(world, client, leader, coordinator):
    client.force_login(leader)
    response = client.post("/documents/", {"kind": "workshop_attendance", "session": world.started_session.pk})
    assert response.status_code == 302
    event = AuditEvent.objects.filter(action="document.request").latest("at")
    assert event.actor == leader and event.after["subject"] == str(world.started_session.pk)


def test_a_scheduled_document_is_recorded_without_a_person(world, coordinator):
    document = meal_roster_schedule(day=DAY + datetime.timedelta(days=1))
    event = read_back(coordinator, "document.schedule", document.pk)
    assert event["actor"] is None and event["after"]["kind"] == "meal_roster"


def test_a_download_is_recorded(world, leader, coordinator):
    response = api_client_for(leader).get(f"/api/v1/documents/{world.document.pk}/file/")
    assert_ok(response, 200)
    event = read_back(coordinator, "document.download", world.document.pk)
    assert event["actor"] == leader.username and event["after"] == {"format": "pdf"}


def test_printing_a_resident_card_is_recorded(world, coordinator):
    assert_ok(api_client_for(coordinator).get(f"/api/v1/residents/{world.resident.pk}/card/"), 200)
    event = read_back(coordinator, "resident.card_print", world.resident.pk)
    assert event["after"] == {"card": world.resident.card_number}


# --- Personal data --------------------------------------------------------------------------------


def test_an_export_of_a_persons_data_is_recorded(world, coordinator):
    assert_ok(api_client_for(coordinator).get(f"/api/v1/residents/{world.resident.pk}/export/"), 200)
    event = read_back(coordinator, "resident.export", world.resident.pk)
    assert event["actor"] == coordinator.username and event["after"]["meal_issues"] == 1


def test_an_anonymisation_is_recorded_without_personal_data(world, coordinator):
    entitlements_ended(world.resident)
    url = f"/api/v1/residents/{world.resident.pk}/anonymise/"
    assert_ok(api_client_for(coordinator).post(url, {"confirm": True}, format="json"), 200)
    event = read_back(coordinator, "resident.anonymise", world.resident.pk)
    assert event["actor"] == coordinator.username
    assert "Żółć" not in str(event) and "orzechy" not in str(event)
    assert event["after"]["meal_issues"] == 1 and event["after"]["reason"] == "request"
