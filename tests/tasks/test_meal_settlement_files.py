"""The settlement as the coordinator downloads it: PDF text and a CSV whose rows add up to its totals."""

import csv
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reportlab.lib.rl_accel import fp_str

from tasks.models import Document
from tasks.rendering.charts import BAR_COLOUR
from tasks.services import document_produce
from tests.meals.test_meal_settlement import march  # noqa: F401  (the fixture)
from tests.tasks.helpers import DOCUMENTS_URL, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def produced(march, coordinator_client, frozen_clock, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks():  # no broker needed: produced here, as a worker would
        response = coordinator_client.post(
            DOCUMENTS_URL, {"kind": "meal_settlement", "month": "2026-03"}, format="json"
        )
    assert response.status_code == 202, response.content
    assert document_produce(document_id=response.json()["id"]) == "ready"
    return Document.objects.get(pk=response.json()["id"])


def csv_rows(document) -> list[list[str]]:
    content = document.csv_file.read()
    assert content.startswith(b"\xef\xbb\xbf") and content.count(b"\r\n") == content.count(b"\n")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def test_the_csv_has_a_row_per_day_and_funding_with_decimal_commas(produced):
    rows = csv_rows(produced)
    assert rows[0] == ["data", "finansowanie", "wydane", "anulowane", "cena", "kwota"]
    assert rows[1] == ["2026-03-02", "programme", "1", "0", "14,50", "14,50"]
    assert rows[2] == ["2026-03-02", "own_funds", "1", "1", "14,50", "14,50"]
    assert rows[-2:] == [["razem", "programme", "2", "0", "", "29,70"], ["razem", "own_funds", "2", "1", "", "29,70"]]


def test_the_sum_of_the_rows_equals_each_total_row(produced):
    rows = csv_rows(produced)[1:]
    for total in (row for row in rows if row[0] == "razem"):
        days = [row for row in rows if row[0] != "razem" and row[1] == total[1]]
        assert sum(amount(row[5]) for row in days) == amount(total[5])
        assert sum(int(row[2]) for row in days) == int(total[2])


def test_the_pdf_shows_the_totals_by_funding_and_the_days(produced):
    text = " ".join(pdf_text(produced.file.read()).split())
    assert "Rozliczenie posiłków z dostawcą" in text
    assert "Miesiąc: marzec 2026" in text
    assert "Posiłki wydane: 4 Kwota do zapłaty: 59,40 zł" in text
    assert "Posiłki anulowane (niewliczone do kwoty): 1" in text
    assert "Program „Posiłek w szkole i w domu” 2 0 29,70" in text
    assert "Środki własne gminy 2 1 29,70" in text
    assert "3.03.2026 wtorek program 1 0 15,20 15,20" in text
    assert "3.03.2026 wtorek środki własne 1 0 15,20 15,20" in text


def test_leaders_may_not_request_it(workshop_client, frozen_clock):
    response = workshop_client.post(DOCUMENTS_URL, {"kind": "meal_settlement", "month": "2026-03"}, format="json")
    assert response.status_code == 403


def test_the_pdf_draws_a_bar_for_each_day_with_meals(produced):
    content = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(produced.file.read())).pages)
    assert content.count(f"{fp_str(*BAR_COLOUR.rgb())} rg".encode()) == 2
