"""Anonymising a person reaches everything the service holds (docs/api.md#retention-and-the-data-subject).

Stored printouts are made again without them, void reasons are scrubbed, the card number is
released and the audit trail's values are blanked; afterwards a scan of every stored file
(pypdf for PDFs, the CSV text) and of the whole audit trail finds none of their details.
"""

import datetime
import json

import pytest

from beneficiaries.models import Entitlement, Program, Resident
from beneficiaries.services.residents import resident_cards_print, resident_update
from config.models import AuditEvent
from meals.models import MealIssue
from meals.services import meal_issue_void
from tasks import services
from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_produce
from tests.factories import MealIssueFactory, eligible_resident
from tests.security import figures
from tests.security.conftest import api_client_for
from tests.support import DAY, WARSAW, nothing_changed
from tests.tasks.helpers import pdf_text
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

PAST = datetime.date(2025, 11, 4)  # a Tuesday; the person's decisions ended on 3 January 2026
DECISION = "MOPS-ZX/777/2025"
PESEL = "44051401359"
# What identifies the person, as it was stored: none of it may be left anywhere.
PERSONAL = ("Żółć", "Łukasz", PESEL, DECISION, "orzechy laskowe", "600700800", "600700801", "córka Hania")


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The broker (outside the project) is replaced by a list of the ids handed to it."""
    ids: list[int] = []
    monkeypatch.setattr(services, "document_enqueue", ids.append)
    return ids


@pytest.fixture
def former(db, frozen_clock, media_root, coordinator, leader):
    """Served and voided in November 2025, at a workshop then; named on three printouts."""
    for user, name in ((coordinator, ("Ewa", "Kowalska")), (leader, ("Jan", "Nowak"))):
        # Staff names print on every page: keep them from sharing a word with the resident's.
        user.first_name, user.last_name = name
        user.save()
    resident = eligible_resident(
        Program.HOT_MEAL,
        Program.FEAD,
        day=PAST,
        document_number=DECISION,
        first_name="Łukasz",
        last_name="Żółć",
        pesel=PESEL,
        birth_date=datetime.date(1944, 5, 14),
        phone="600700801",
        allergies="orzechy laskowe",
        notes="córka Hania pomaga",
    )
    resident_update(resident=resident, by=coordinator, phone="600700800")  # audited with the old and new number
    resident_cards_print(residents=[resident], by=coordinator)  # audited with the card number
    MealIssueFactory(resident=resident, day=PAST, collected_by="córka Hania")
    voided = MealIssueFactory(resident=resident, day=PAST + datetime.timedelta(days=1))
    meal_issue_void(issue=voided, by=coordinator, reason="Pan Żółć Łukasz odebrał dwa razy")
    starts = datetime.datetime.combine(PAST, datetime.time(10), tzinfo=WARSAW)
    session = WorkshopSession.objects.create(
        title="Zupy", topic=Topic.COOKING, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=5
    )
    Signup.objects.create(session=session, resident=resident, status=SignupStatus.CONFIRMED, attended=True)
    for kind, subject, day in (
        (DocumentKind.MEAL_ROSTER, PAST.isoformat(), PAST),
        (DocumentKind.MEAL_SERVING_SHEET, PAST.isoformat(), PAST),  # diets and allergies by name
        (DocumentKind.MONTHLY_MEALS, "2025-11", PAST.replace(day=1)),
        (DocumentKind.WORKSHOP_ATTENDANCE, str(session.pk), PAST),
    ):
        document = Document.objects.create(kind=kind, subject=subject, subject_date=day, requested_by=coordinator)
        assert document_produce(document_id=document.pk) == DocumentStatus.READY
    return resident


def stored_texts(media_root) -> dict[str, str]:
    """The text of every file stored under MEDIA_ROOT: PDFs through pypdf, the rest as UTF-8."""
    texts = {}
    for path in sorted(media_root.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            texts[path.name] = pdf_text(content) if content.startswith(b"%PDF") else content.decode("utf-8-sig")
    return texts


def naming(texts, details=PERSONAL) -> list[str]:
    return [f"{name}: {detail}" for name, text in texts.items() for detail in details if detail in text]


def anonymise(coordinator, resident):
    return api_client_for(coordinator).post(f"/api/v1/residents/{resident.pk}/anonymise/", {"confirm": True})


def produce_queued(queued: list[int]) -> None:
    """What the worker does with the ids it is handed."""
    for document_id in queued:
        document_produce(document_id=document_id)


def test_before_anonymising_the_printouts_name_the_person(former, media_root):
    texts = stored_texts(media_root)
    assert len(texts) == 5  # the roster, the serving sheet, the attendance list, the monthly PDF and CSV
    assert naming(texts, ("Żółć",)) and any(DECISION in text for text in texts.values())


def test_every_printout_is_made_again_without_the_person(
    former, coordinator, media_root, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert anonymise(coordinator, former).status_code == 200
    assert sorted(queued) == sorted(Document.objects.values_list("pk", flat=True))
    assert stored_texts(media_root) == {}  # the old files are gone before the new ones are made
    produce_queued(queued)
    texts = stored_texts(media_root)
    figures.counts.update(
        documents_scanned_after_anonymisation=len(texts), documents_naming_the_person=len(naming(texts))
    )
    assert len(texts) == 5 and naming(texts) == []
    assert all(d.status == DocumentStatus.READY for d in Document.objects.all())


def test_a_printout_being_made_while_the_person_is_anonymised_is_made_again_not_stored(
    former, coordinator, media_root, queued, monkeypatch, django_capture_on_commit_callbacks
):
    asked = Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=PAST.isoformat(), subject_date=PAST)
    render, read_before = services.produce, []

    def anonymised_while_rendering(document):
        produced = render(document)  # the worker has read the list: the person is still on it
        read_before.append(pdf_text(produced.files[0].content))
        with django_capture_on_commit_callbacks(execute=True):
            assert anonymise(coordinator, former).status_code == 200
        return produced

    monkeypatch.setattr(services, "produce", anonymised_while_rendering)
    assert document_produce(document_id=asked.pk) == DocumentStatus.PENDING
    monkeypatch.setattr(services, "produce", render)

    assert "Żółć" in read_before[0]
    asked.refresh_from_db()
    assert (asked.status, asked.file.name) == (DocumentStatus.PENDING, "")
    assert asked.pk in queued
    produce_queued(queued)
    texts = stored_texts(media_root)
    assert naming(texts) == [] and len(texts) == 6
    assert Document.objects.get(pk=asked.pk).status == DocumentStatus.READY


def test_a_printout_not_yet_made_again_is_not_handed_out(former, coordinator, queued):
    document = Document.objects.get(kind=DocumentKind.MEAL_ROSTER)
    anonymise(coordinator, former)
    response = api_client_for(coordinator).get(f"/api/v1/documents/{document.pk}/file/")
    assert response.status_code == 409 and response.json()["code"] == "not_ready"


def test_nothing_in_the_audit_trail_names_the_person(former, coordinator, queued):
    anonymise(coordinator, former)
    events = list(AuditEvent.objects.values("action", "before", "after"))
    naming_events = [e["action"] for e in events if any(d in json.dumps(e, ensure_ascii=False) for d in PERSONAL)]
    figures.counts.update(
        audit_events_scanned_after_anonymisation=len(events), audit_events_naming_the_person=len(naming_events)
    )
    assert naming_events == []
    assert AuditEvent.objects.filter(action="document.regenerate", actor=coordinator).count() == 4


def test_void_reasons_and_the_card_number_go(former, coordinator, queued, distributor):
    card = former.card_number
    anonymise(coordinator, former)
    trail = json.dumps(list(AuditEvent.objects.values("before", "after")), default=str)
    assert card not in trail
    assert set(MealIssue.objects.filter(resident=former).values_list("void_reason", flat=True)) == {"", "[anonymised]"}
    assert Resident.objects.get(pk=former.pk).card_number is None
    found = api_client_for(distributor).get("/api/v1/residents/", {"search": card}).json()
    assert found["count"] == 0


def test_a_void_reason_on_someone_elses_meal_that_names_the_person_goes_too(former, coordinator, queued):
    other = MealIssueFactory(day=PAST)
    meal_issue_void(issue=other, by=coordinator, reason="wydane omyłkowo, to był pan ŻÓŁĆ")
    unrelated = MealIssueFactory(day=PAST + datetime.timedelta(days=2), issued_by=other.issued_by)
    meal_issue_void(issue=unrelated, by=coordinator, reason="pomyłka kasjera")
    anonymise(coordinator, former)
    assert MealIssue.objects.get(pk=other.pk).void_reason == "[anonymised]"
    assert MealIssue.objects.get(pk=unrelated.pk).void_reason == "pomyłka kasjera"
    trail = json.dumps(list(AuditEvent.objects.values("after")), ensure_ascii=False)
    assert "ŻÓŁĆ" not in trail and "pomyłka kasjera" in trail


def test_the_counts_and_the_periods_stay(former, coordinator, queued):
    anonymise(coordinator, former)
    assert MealIssue.objects.filter(resident=former).count() == 2
    assert Entitlement.objects.filter(resident=former, valid_to=datetime.date(2026, 1, 3)).count() == 2


@pytest.mark.parametrize("starts_in_days", [-30, 0, 1, 200])
def test_refused_while_an_entitlement_is_current_or_future(former, coordinator, queued, starts_in_days):
    start = DAY + datetime.timedelta(days=starts_in_days)
    Entitlement.objects.create(
        resident=former, program=Program.HOT_MEAL, valid_from=start, valid_to=max(start, DAY), document_number="N/1"
    )
    with nothing_changed():
        response = anonymise(coordinator, former)
    assert response.status_code == 409 and response.json()["code"] == "entitlement_running"
    assert response.json()["detail"]
    assert queued == []


def test_an_entitlement_that_ended_yesterday_no_longer_holds_the_data(former, coordinator, queued):
    yesterday = DAY - datetime.timedelta(days=1)
    Entitlement.objects.create(
        resident=former, program=Program.FEAD, valid_from=yesterday, valid_to=yesterday, document_number="N/2"
    )
    assert anonymise(coordinator, former).status_code == 200


def test_the_export_lists_every_printout_and_who_issued_and_voided_each_meal(former, coordinator):
    data = api_client_for(coordinator).get(f"/api/v1/residents/{former.pk}/export/").json()
    kinds = sorted(d["kind"] for d in data["documents"])
    assert kinds == ["meal_roster", "meal_serving_sheet", "monthly_meals", "workshop_attendance"]
    assert {d["requested_by"] for d in data["documents"]} == {coordinator.username}
    issues = sorted(data["meal_issues"], key=lambda issue: issue["date"])
    assert [(i["issued_by_user"], i["voided_by_user"]) for i in issues] == [("server", None), ("server", "coord")]
    assert AuditEvent.objects.get(action="resident.export").after["documents"] == 4


def test_the_export_leaves_out_printouts_of_other_days(former, coordinator):
    Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject=DAY.isoformat(), subject_date=DAY)
    Document.objects.create(kind=DocumentKind.MONTHLY_MEALS, subject="2026-02", subject_date=datetime.date(2026, 2, 1))
    data = api_client_for(coordinator).get(f"/api/v1/residents/{former.pk}/export/").json()
    assert len(data["documents"]) == 4
