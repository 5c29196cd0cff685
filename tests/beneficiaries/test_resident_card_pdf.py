"""The printable resident card: name and card number (barcode + QR), never the PESEL."""

import datetime
import io

import pytest
from pypdf import PdfReader

from beneficiaries.card_pdf import render_resident_cards
from beneficiaries.models import Program
from config.models import AuditEvent
from tests.factories import EntitlementFactory

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def fonts_of(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def test_the_card_endpoint_serves_a_pdf_attachment(coordinator_client, make_resident):
    resident = make_resident(first_name="Łucja", last_name="Żółć-Ścibor", pesel="44051401359")
    response = coordinator_client.get(f"/api/v1/residents/{resident.pk}/card/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="karta-{resident.card_number}.pdf"'
    assert response.content.startswith(b"%PDF")
    text = text_of(response.content)
    assert "Łucja Żółć-Ścibor" in text
    assert resident.card_number in text


def test_the_card_never_shows_the_pesel_address_or_health_data(make_resident):
    resident = make_resident(
        pesel="02211307589", street="Mazurska", building="13", diet=["diabetic"], allergies="Orzechy laskowe"
    )
    text = text_of(render_resident_cards([resident]))
    assert "02211307589" not in text.replace(" ", "")
    assert "022113" not in text
    assert "Mazurska" not in text
    assert "Orzechy" not in text


def test_the_polish_font_is_embedded(make_resident):
    assert any("DejaVuSans" in font for font in fonts_of(render_resident_cards([make_resident()])))


def test_markup_characters_in_a_name_print_as_written(make_resident):
    resident = make_resident(first_name="Anna & <b>Maria</b>", last_name="O'Brien")
    assert "Anna & <b>Maria</b> O'Brien" in text_of(render_resident_cards([resident])).replace("\n", " ")


def test_ten_cards_fit_on_a_page(make_resident):
    residents = [make_resident(first_name=f"Osoba{i}", birth_date=f"19{50 + i}-01-01") for i in range(11)]
    reader = PdfReader(io.BytesIO(render_resident_cards(residents)))
    assert len(reader.pages) == 2
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4


def test_printing_a_card_is_recorded(coordinator_client, coordinator, make_resident):
    resident = make_resident()
    coordinator_client.get(f"/api/v1/residents/{resident.pk}/card/")
    event = AuditEvent.objects.get(action="resident.card_print")
    assert event.actor == coordinator
    assert event.object_id == str(resident.pk)


def test_a_client_asking_for_pdf_gets_it_and_errors_stay_json(coordinator_client, make_resident):
    resident = make_resident()
    ok = coordinator_client.get(f"/api/v1/residents/{resident.pk}/card/", HTTP_ACCEPT="application/pdf")
    assert ok.status_code == 200
    assert ok["Content-Type"] == "application/pdf"
    missing = coordinator_client.get("/api/v1/residents/987654/card/", HTTP_ACCEPT="application/pdf")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/json"
    assert missing.json()["code"] == "not_found"


def test_the_card_shows_the_serving_days_and_hours_and_how_long_the_decision_is_valid(
    coordinator_client, make_resident, frozen_clock
):
    resident = make_resident(first_name="Anna", last_name="Nowak")
    EntitlementFactory(
        resident=resident, valid_from=datetime.date(2026, 1, 2), valid_to=datetime.date(2026, 12, 31), weekdays="135"
    )
    EntitlementFactory(resident=resident, program=Program.FEAD, valid_to=datetime.date(2027, 6, 30))

    text = " ".join(text_of(coordinator_client.get(f"/api/v1/residents/{resident.pk}/card/").content).split())

    assert "Decyzja ważna 2.01.2026 – 31.12.2026" in text
    assert "Posiłki: pon., śr., pt., 12:00–13:00" in text


def test_a_card_of_someone_without_a_decision_still_shows_the_hours(coordinator_client, make_resident):
    resident = make_resident()
    text = " ".join(text_of(coordinator_client.get(f"/api/v1/residents/{resident.pk}/card/").content).split())
    assert "Posiłki: pon.–pt., 12:00–13:00" in text
    assert "Decyzja" not in text
