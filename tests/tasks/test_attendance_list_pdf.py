"""The workshop attendance list: the programme, the session, the columns, the EU logo place."""

import datetime

from tasks.rendering.attendance import render_attendance_sheet
from tasks.rendering.fepz import Programme
from tests.support import NOW, WARSAW
from tests.tasks.helpers import pdf_pages, pdf_text
from workshops.selectors import AttendanceRow, AttendanceSheet


def sheet(rows, **fields) -> AttendanceSheet:
    values = {
        "session_id": 7,
        "title": "Zupa & <chleb> na co dzień",
        "topic": "food_waste",
        "topic_label": "Not wasting food",
        "starts_at": datetime.datetime(2026, 3, 5, 10, 0, tzinfo=WARSAW),
        "ends_at": datetime.datetime(2026, 3, 5, 13, 30, tzinfo=WARSAW),
        "location": "Kuchnia CPS, ul. Kasprowicza 2",
        "leader_name": "Grażyna Żak",
        "status": "scheduled",
        "rows": rows,
    }
    values.update(fields)
    return AttendanceSheet(**values)


def render(rows, **fields) -> bytes:
    return render_attendance_sheet(sheet=sheet(rows, **fields), printed_at=NOW, printed_by="Grażyna Żak")


ROWS = [AttendanceRow("Żółć", "Łukasz", "FEPŻ/12/2026", None), AttendanceRow("Ścisło", "Źdźbło", "FEPŻ/13/2026", True)]


def test_the_programme_line_and_the_session_details_are_printed():
    text = pdf_text(render(ROWS))
    assert "Lista obecności" in text
    assert "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące" in text
    assert "Temat: warsztaty niemarnowania żywności – Zupa & <chleb> na co dzień" in text
    assert "Data: 5.03.2026 (czwartek), godz. 10:00–13:30" in text
    assert "Miejsce: Kuchnia CPS, ul. Kasprowicza 2" in text
    assert "Prowadzący: Grażyna Żak" in text


def test_participants_are_listed_surname_first_with_their_referral():
    text = pdf_text(render(ROWS))
    for title in ("Lp.", "Nazwisko i imię", "Nr skierowania", "Podpis"):
        assert title in text
    assert "Żółć Łukasz" in text
    assert "Ścisło Źdźbło" in text
    assert "FEPŻ/12/2026" in text


def test_the_count_and_the_leaders_signature_close_the_list():
    text = pdf_text(render(ROWS))
    assert "Liczba uczestników: 2" in text
    assert "Podpis prowadzącego:" in text


def test_an_empty_framed_place_is_left_for_the_eu_logo_strip_never_placeholder_text():
    first_line = pdf_text(render(ROWS)).splitlines()[0]
    assert first_line == "OPS Chorzów – Centrum Pracy Socjalnej"  # nothing written in the frame above it
    assert "Miejsce na" not in pdf_text(render(ROWS))


def test_the_subprogramme_and_the_partner_organisation_are_printed():
    programme = Programme(subprogramme="Podprogram 2025", partner="Bank Żywności & Spółka")
    text = pdf_text(render_attendance_sheet(sheet=sheet(ROWS), printed_at=NOW, printed_by="", programme=programme))
    assert "Podprogram 2025 · Organizacja partnerska: Bank Żywności & Spółka" in text


def test_without_settings_the_subprogramme_is_the_sessions_year_and_the_partner_a_line_to_fill_in():
    text = pdf_text(render(ROWS))
    assert "Podprogram 2026 · Organizacja partnerska: ......" in text


def test_the_themes_carry_the_programmes_names():
    names = {
        "cooking": "warsztaty kulinarne",
        "nutrition": "warsztaty żywieniowo-dietetyczne",
        "budgeting": "warsztaty edukacji ekonomicznej",
        "food_waste": "warsztaty niemarnowania żywności",
    }
    for topic, name in names.items():
        assert f"Temat: {name} –" in pdf_text(render(ROWS, topic=topic))


def test_user_text_with_markup_characters_prints_as_written():
    text = pdf_text(render([AttendanceRow("<b>Nowak</b>", "Anna & Jan", "", None)], location="Sala <A> & B"))
    assert "<b>Nowak</b> Anna & Jan" in text
    assert "Miejsce: Sala <A> & B" in text


def test_a_long_list_repeats_the_header_and_numbers_its_pages():
    pages = pdf_pages(render([AttendanceRow(f"Nazwisko{i}", "Imię", "", None) for i in range(60)]))
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert "Lista obecności" in text and "Nazwisko i imię" in text
        assert f"Strona {number} z {len(pages)}" in text
        assert "Wydrukowano 4.03.2026 11:30 przez Grażyna Żak" in text


def test_a_cancelled_session_is_marked_so():
    assert "WARSZTAT ODWOŁANY" in pdf_text(render(ROWS, status="cancelled"))
