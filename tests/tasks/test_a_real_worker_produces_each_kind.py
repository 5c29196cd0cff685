"""End to end: the API queues, a real Celery worker on real Redis renders, the file downloads."""

import datetime
import time

import pytest

from tasks.models import Document, DocumentFailure
from tasks.services import document_enqueue
from tests.factories import MealIssueFactory, UserFactory, eligible_resident
from tests.support import DAY
from tests.tasks.helpers import DOCUMENTS_URL, PESEL, pdf_text, sign_up, workshop_session

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def wait_until_done(client, document_id: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        detail = client.get(f"{DOCUMENTS_URL}{document_id}/").json()
        if detail["status"] != "pending":
            return detail
        time.sleep(0.2)
    raise AssertionError(f"document {document_id} still pending after {timeout} s")


def request(client, body) -> dict:
    response = client.post(DOCUMENTS_URL, body, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["queued"] is True
    detail = wait_until_done(client, response.json()["id"])
    assert detail["status"] == "ready", detail
    return detail


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_meal_roster(celery_worker_on_broker, coordinator_client, frozen_clock):
    zolc = eligible_resident(last_name="Żółć", first_name="Łukasz", pesel=PESEL, diet=["diabetic"])
    eligible_resident(last_name="Ścisło", first_name="Źdźbło", allergies="orzechy & <mleko>")
    MealIssueFactory(resident=zolc)
    detail = request(coordinator_client, {"kind": "meal_roster", "date": DAY.isoformat()})
    text = pdf_text(download(coordinator_client, detail["file_url"]))
    assert "Żółć Łukasz (1944)" in text and "Ścisło Źdźbło" in text
    assert "orzechy" not in text and "cukrzycowa" not in text  # residents sign it: no health data
    assert "✓ wydano 12:05" in " ".join(text.split())
    assert "Strona 1 z 1" in text
    assert PESEL not in text


def test_the_serving_sheet(celery_worker_on_broker, coordinator_client, frozen_clock):
    eligible_resident(last_name="Żółć", first_name="Łukasz", pesel=PESEL, diet=["diabetic"])
    eligible_resident(last_name="Ścisło", first_name="Źdźbło", allergies="orzechy & <mleko>")
    detail = request(coordinator_client, {"kind": "meal_serving_sheet", "date": DAY.isoformat()})
    text = " ".join(pdf_text(download(coordinator_client, detail["file_url"])).split())
    assert "Lista wydawania – diety" in text
    assert "Żółć Łukasz (1944) cukrzycowa" in text and "orzechy & <mleko>" in text
    assert PESEL not in text


def test_the_workshop_attendance_list(celery_worker_on_broker, coordinator_client, frozen_clock):
    session = workshop_session(title="Budżet & <oszczędności>", leader=UserFactory(first_name="Ewa", last_name="Łęcka"))
    sign_up(session, last_name="Żółć", first_name="Łukasz", referral="FEPŻ/7/2026", pesel=PESEL)
    detail = request(coordinator_client, {"kind": "workshop_attendance", "session": session.pk})
    text = pdf_text(download(coordinator_client, detail["file_url"]))
    assert "Żółć Łukasz" in text and "FEPŻ/7/2026" in text
    assert "warsztaty kulinarne – Budżet & <oszczędności>" in text
    assert "Prowadzący: Ewa Łęcka" in text
    assert "Liczba uczestników: 1" in text
    assert PESEL not in text


def test_the_monthly_report_with_its_csv(celery_worker_on_broker, coordinator_client, frozen_clock):
    resident = eligible_resident(day=DAY, last_name="Żółć", first_name="Łukasz", pesel=PESEL)
    MealIssueFactory(resident=resident, day=datetime.date(2026, 3, 2))
    MealIssueFactory(resident=resident, day=datetime.date(2026, 3, 3))
    detail = request(coordinator_client, {"kind": "monthly_meals", "month": "2026-03"})
    text = pdf_text(download(coordinator_client, detail["file_url"]))
    assert "Liczba wydanych posiłków: 2" in text and "Żółć Łukasz" in text
    assert PESEL not in text
    csv_text = download(coordinator_client, detail["csv_url"]).decode("utf-8-sig")
    assert f"osoba;;{resident.pk};Żółć;Łukasz;chorzow_stary;2" in csv_text
    assert PESEL not in csv_text


def test_a_list_for_a_session_that_no_longer_exists_fails_with_a_reason(celery_worker_on_broker, coordinator_client):
    document = Document.objects.create(kind="workshop_attendance", subject="424242", subject_date=DAY)
    assert document_enqueue(document.pk) is True
    detail = wait_until_done(coordinator_client, document.pk)
    assert detail["status"] == "failed"
    assert detail["error"] == str(DocumentFailure.SESSION_NOT_FOUND.label)
