"""The FEPŻ accompanying-measures report: the programme's theme names, PDF and CSV with the same figures."""

import csv
import io

import pytest

from tasks.models import Document
from tasks.services import document_produce
from tests.tasks.helpers import DOCUMENTS_URL, pdf_text
from tests.workshops.test_fead_report_figures import march  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def produced(march, coordinator_client, frozen_clock, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks():  # no broker needed: produced here, as a worker would
        response = coordinator_client.post(DOCUMENTS_URL, {"kind": "fead_report", "month": "2026-03"}, format="json")
    assert response.status_code == 202, response.content
    assert document_produce(document_id=response.json()["id"]) == "ready"
    return Document.objects.get(pk=response.json()["id"])


def test_the_pdf_lists_the_held_session_under_the_programmes_theme_names(produced):
    text = " ".join(pdf_text(produced.file.read()).split())
    assert "Sprawozdanie z działań towarzyszących" in text
    assert "Miesiąc: marzec 2026" in text
    for theme in ("warsztaty kulinarne", "warsztaty żywieniowo-dietetyczne", "warsztaty edukacji ekonomicznej"):
        assert theme in text
    assert "2.03.2026 (poniedziałek) 10:00–13:00 warsztaty kulinarne Zupy 2" in text
    assert "Razem 1 2 2 3 4 3" in text


def test_the_csv_has_a_row_per_theme_then_the_total(produced):
    content = produced.csv_file.read()
    assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "temat"
    assert rows[1] == ["warsztaty kulinarne", "1", "2", "2", "2", "3", "2"]
    assert rows[3] == ["warsztaty edukacji ekonomicznej", "0", "0", "0", "1", "1", "1"]
    assert rows[-1] == ["Razem", "1", "2", "2", "3", "4", "3"]
    assert len(rows) == 6


def test_the_report_is_the_coordinators(workshop_client, frozen_clock):
    response = workshop_client.post(DOCUMENTS_URL, {"kind": "fead_report", "month": "2026-03"}, format="json")
    assert response.status_code == 403


def test_the_csv_of_the_report_downloads_as_text(produced, coordinator_client):
    response = coordinator_client.get(f"{DOCUMENTS_URL}{produced.pk}/file/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="sprawozdanie-fepz-2026-03.csv"' in response["Content-Disposition"]


def test_the_report_names_the_subprogramme_and_the_partner_organisation(
    march,  # noqa: F811
    coordinator_client,
    frozen_clock,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.FEPZ_PARTNER = "Bank Żywności & Co"
    with django_capture_on_commit_callbacks():
        response = coordinator_client.post(DOCUMENTS_URL, {"kind": "fead_report", "month": "2026-03"}, format="json")
    document_produce(document_id=response.json()["id"])
    text = " ".join(pdf_text(Document.objects.get(pk=response.json()["id"]).file.read()).split())
    assert "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące" in text
    assert "Podprogram 2026 · Organizacja partnerska: Bank Żywności & Co" in text
