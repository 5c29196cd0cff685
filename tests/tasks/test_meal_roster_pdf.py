"""The daily meal list prints what docs/domain.md#printed-lists asks, with every name as written."""

import datetime
import re

import pytest

from tasks.rendering.roster import render_meal_roster
from tests.support import DAY, NOW, WARSAW
from tests.tasks.helpers import Row, pdf_pages, pdf_text

POINT = "Punkt wydawania posiłków, ul. Kasprowicza 2"


def render(rows, printed_by="Anna Wiśniewska"):
    return render_meal_roster(day=DAY, rows=rows, point_name=POINT, printed_at=NOW, printed_by=printed_by)


def test_polish_names_print_exactly_as_written():
    text = pdf_text(render([Row("Żółć", "Łukasz"), Row("Ścisło", "Źdźbło"), Row("ĄĘŃÓŚ", "ąęńóś")]))
    assert "Żółć Łukasz" in text
    assert "Ścisło Źdźbło" in text
    assert "ĄĘŃÓŚ ąęńóś" in text


def test_names_with_markup_characters_print_as_written():
    text = pdf_text(render([Row("Kowalski & Syn", "<Jan>"), Row("O'Brien", 'Anna "Ania"')]))
    assert "Kowalski & Syn <Jan>" in text
    assert 'O\'Brien Anna "Ania"' in text
    assert "&amp;" not in text and "&lt;" not in text


def test_the_header_names_the_office_the_point_and_the_day():
    text = pdf_text(render([Row("Nowak", "Anna")]))
    assert "OPS Chorzów – Centrum Pracy Socjalnej" in text
    assert "ul. Kasprowicza 2" in text
    assert "Lista odbioru posiłków" in text
    assert POINT in text
    assert "4.03.2026 (środa)" in text


def test_the_columns_are_those_of_the_form():
    text = pdf_text(render([Row("Nowak", "Anna")]))
    for title in ("Lp.", "Nazwisko i imię (rok urodzenia)", "Nr decyzji", "Uwagi"):
        assert title in text
    assert re.search(r"Podpis\s+odbierającego", text)
    assert "Dieta" not in text and "alergi" not in text


def test_the_signed_list_carries_no_diet_or_allergy():
    """Every resident who signs sees the page: health data (and what "bez wieprzowiny" says) stays off it."""
    rows = [
        Row("Nowak", "Anna", diet=("vegetarian", "gluten_free"), allergies="orzechy"),
        Row("Lis", "Ewa", diet=("no_pork", "diabetic", "lactose_free", "soft")),
    ]
    text = " ".join(pdf_text(render(rows)).split())
    for health in ("wegetariańska", "bezglutenowa", "orzechy", "wieprzowiny", "cukrzycowa", "laktozy", "lekkostrawna"):
        assert health not in text


def test_namesakes_are_told_apart_by_their_birth_year():
    text = pdf_text(render([Row("Nowak", "Jan", birth_year=1948), Row("Nowak", "Jan", birth_year=1983)]))
    assert "Nowak Jan (1948)" in text
    assert "Nowak Jan (1983)" in text


def test_a_long_decision_number_prints_whole_on_one_line():
    number = "OPS.8220.12345.2026/ZM/01/KOR"
    text = pdf_text(render([Row("Nowak", "Anna", document_number=number), Row("Lis", "Ewa", "OPS.8220.7.2026")]))
    assert number in text.splitlines()  # one line: never broken after a "." or "/"
    assert "OPS.8220.7.2026" in text


def test_residents_already_served_are_marked_with_the_time():
    served = datetime.datetime(2026, 3, 4, 12, 7, tzinfo=WARSAW)
    text = pdf_text(render([Row("Nowak", "Anna", issued_at=served, takeaway=True), Row("Lis", "Ewa")]))
    assert "✓ wydano 12:07" in " ".join(text.split())
    assert "na wynos" in " ".join(text.split())
    assert text.count("✓ wydano") == 1


def test_totals_and_the_issuer_signature_close_the_list():
    served = datetime.datetime(2026, 3, 4, 12, 7, tzinfo=WARSAW)
    text = pdf_text(render([Row("Nowak", "Anna", issued_at=served), Row("Lis", "Ewa"), Row("Bąk", "Jan")]))
    assert "Razem na liście: 3" in text
    assert "Wydano przed wydrukiem: 1" in text
    assert "Do wydania: 2" in text
    assert "Wydał:" in text
    assert "(data i czytelny podpis)" in text


def test_every_page_has_the_header_the_column_row_the_page_number_and_who_printed_it():
    pages = pdf_pages(render([Row(f"Nazwisko{i}", "Imię") for i in range(120)]))
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "Lista odbioru posiłków" in text
        assert "OPS Chorzów – Centrum Pracy Socjalnej" in text
        assert "Nazwisko i imię" in text and "Nr decyzji" in text
        assert f"Strona {number} z {len(pages)}" in text
        assert "Wydrukowano 4.03.2026 11:30 przez Anna Wiśniewska" in text


@pytest.mark.parametrize("count", range(20, 36))
def test_the_totals_never_start_a_page_without_rows(count):
    """Whatever the number of rows, the closing lines share their page with the table's last row."""
    pages = pdf_pages(render([Row(f"Nazwisko{i}", "Imię") for i in range(count)]))
    assert "Razem na liście" in pages[-1]
    assert "Nazwisko i imię" in pages[-1]
    assert "Wydał:" in pages[-1]


def test_rows_are_numbered_across_pages_without_gaps():
    pages = pdf_pages(render([Row(f"Osoba{i:03d}", "Test") for i in range(1, 101)]))
    names = re.findall(r"Osoba(\d{3}) Test", "\n".join(pages))
    assert [int(n) for n in names] == list(range(1, 101))
    assert "Razem na liście: 100" in pages[-1]


def test_an_empty_list_says_so():
    text = pdf_text(render([]))
    assert "Brak osób uprawnionych do posiłku w tym dniu." in text
    assert "Strona 1 z 1" in text


def test_a_scheduled_list_says_the_schedule_printed_it():
    assert "przez system (harmonogram)" in pdf_text(render([Row("Nowak", "Anna")], printed_by=""))


def test_the_font_is_embedded_truetype():
    content = render([Row("Żółć", "Łukasz")])
    assert b"/FontFile2" in content  # an embedded TrueType program
    assert b"/BaseFont /Helvetica" not in content
