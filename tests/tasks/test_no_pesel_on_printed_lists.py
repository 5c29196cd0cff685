"""No PESEL on any printed list or report (docs/domain.md#data-protection), whatever the residents have on file."""

import datetime

import pytest

from tasks.models import Document, DocumentKind, DocumentStatus
from tasks.services import document_produce
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY
from tests.tasks.helpers import PESEL, pdf_text, sign_up, workshop_session

pytestmark = pytest.mark.django_db


def produced(kind: str, subject: str) -> Document:
    document = Document.objects.create(kind=kind, subject=subject, subject_date=DAY)
    assert document_produce(document_id=document.pk) == DocumentStatus.READY
    return Document.objects.get(pk=document.pk)


def test_every_kind_prints_the_names_but_never_the_pesel(frozen_clock):
    resident = eligible_resident(last_name="Żółć", first_name="Łukasz", pesel=PESEL)
    MealIssueFactory(resident=resident, day=datetime.date(2026, 3, 2))
    session = workshop_session()
    sign_up(session, last_name="Ścisło", first_name="Źdźbło", pesel="02211307589")
    documents = [
        produced(DocumentKind.MEAL_ROSTER, DAY.isoformat()),
        produced(DocumentKind.WORKSHOP_ATTENDANCE, str(session.pk)),
        produced(DocumentKind.MONTHLY_MEALS, "2026-03"),
        produced(DocumentKind.MEAL_SERVING_SHEET, DAY.isoformat()),
    ]
    texts = [pdf_text(document.file.read()) for document in documents]
    assert "Żółć Łukasz" in texts[0] and "Ścisło Źdźbło" in texts[1] and "Żółć Łukasz" in texts[2]
    csv_text = documents[2].csv_file.read().decode("utf-8-sig")
    for text in [*texts, csv_text]:
        assert PESEL not in text and "02211307589" not in text
