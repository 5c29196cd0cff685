"""The monthly meal report: the same figures in the PDF and in the CSV."""

import csv
import dataclasses
import datetime
import io

import pytest

from meals.selectors.figures import MonthlyMealFigures
from tasks.rendering.monthly import render_monthly_csv, render_monthly_report
from tests.support import NOW
from tests.tasks.helpers import pdf_pages, pdf_text

FIGURES = MonthlyMealFigures(
    year=2026,
    month=2,
    per_day=[(datetime.date(2026, 2, 2), 2), (datetime.date(2026, 2, 3), 0), (datetime.date(2026, 2, 4), 1)],
    per_resident=[(11, "Żółć", "Łukasz", "maciejkowice", 2), (12, "=Ścisło", "Źdźbło", "chorzow_stary", 1)],
    distinct_persons=2,
    by_district={"chorzow_stary": 1, "maciejkowice": 2},
    total=3,
)


def csv_rows() -> list[list[str]]:
    content = render_monthly_csv(figures=FIGURES)
    assert content.startswith(b"\xef\xbb\xbf")  # a byte order mark: Excel reads the Polish letters
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_pdf_has_every_section_and_the_totals():
    text = pdf_text(render_monthly_report(figures=FIGURES, point_name="Punkt", printed_at=NOW, printed_by="Ewa Lis"))
    assert "Sprawozdanie miesięczne – posiłki" in text
    assert "Miesiąc: luty 2026" in text
    assert "Liczba wydanych posiłków: 3" in text
    assert "Liczba osób, którym wydano posiłek: 2" in text
    assert "Posiłki według dzielnic" in text and "Maciejkowice" in text and "Chorzów Stary" in text
    assert "Posiłki według dni" in text and "2.02.2026" in text and "poniedziałek" in text
    assert "Posiłki według osób" in text and "Żółć Łukasz" in text
    assert "Strona 1 z 1" in text


def test_the_csv_has_the_same_figures_one_per_row():
    rows = csv_rows()
    assert rows[0] == ["sekcja", "data", "id_mieszkanca", "nazwisko", "imie", "dzielnica", "liczba"]
    assert ["dzien", "2026-02-02", "", "", "", "", "2"] in rows
    assert ["dzien", "2026-02-03", "", "", "", "", "0"] in rows
    assert ["osoba", "", "11", "Żółć", "Łukasz", "maciejkowice", "2"] in rows
    assert ["dzielnica", "", "", "", "", "maciejkowice", "2"] in rows
    assert rows[-2] == ["liczba_osob", "", "", "", "", "", "2"]
    assert rows[-1] == ["razem", "", "", "", "", "", "3"]


def test_a_name_that_looks_like_a_formula_is_not_run_by_a_spreadsheet():
    person = next(row for row in csv_rows() if row[2] == "12")
    assert person[3] == "'=Ścisło"


@pytest.mark.parametrize("residents", range(40, 80, 3))
def test_the_signature_never_stands_alone_on_a_page(residents):
    """Whatever the number of rows, "Sporządził" shares its page with the table's last rows."""
    figures = dataclasses.replace(
        FIGURES, per_resident=[(n, f"Nazwisko{n:03d}", "Imię", "chorzow_stary", 1) for n in range(residents)]
    )
    pages = pdf_pages(render_monthly_report(figures=figures, point_name="Punkt", printed_at=NOW, printed_by="Ewa Lis"))
    assert "Sporządził:" in pages[-1]
    assert f"Nazwisko{residents - 1:03d} Imię" in pages[-1]
