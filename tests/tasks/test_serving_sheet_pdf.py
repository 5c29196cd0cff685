"""The serving sheet: the staff's list of portions by diet and who has which diet or allergy."""

import pytest

from tasks.rendering.serving import portions_by_diet, render_serving_sheet
from tests.support import DAY, NOW
from tests.tasks.helpers import Row, pdf_text

pytestmark = pytest.mark.django_db


def render(rows):
    return render_serving_sheet(day=DAY, rows=rows, point_name="Punkt", printed_at=NOW, printed_by="Anna Wiśniewska")


def test_portions_are_counted_per_diet_one_portion_a_person():
    rows = [
        Row("Nowak", "Anna", diet=("vegetarian",)),
        Row("Lis", "Ewa", diet=("vegetarian",)),
        Row("Bąk", "Jan", diet=("diabetic", "gluten_free")),
        Row("Kos", "Olga", allergies="orzechy"),
        Row("Mróz", "Adam"),
    ]
    assert portions_by_diet(rows) == [
        ("cukrzycowa, bezglutenowa", "1"),
        ("wegetariańska", "2"),
        ("bez diety (standardowa)", "2"),
    ]


def test_the_sheet_names_who_has_which_diet_or_allergy_and_no_one_else():
    rows = [
        Row("Nowak", "Jan", birth_year=1948, diet=("no_pork",)),
        Row("Nowak", "Jan", birth_year=1983, allergies="orzechy & <mleko>"),
        Row("Mróz", "Adam"),
    ]
    text = " ".join(pdf_text(render(rows)).split())
    assert "Lista wydawania – diety" in text
    assert "Nowak Jan (1948) bez wieprzowiny" in text
    assert "Nowak Jan (1983) orzechy & <mleko>" in text
    assert "Mróz Adam" not in text
    assert "Razem porcji: 3" in text
    assert "Nie do podpisu" in text


def test_very_long_allergies_are_wrapped_and_cut_never_lost_off_the_page():
    rows = [Row("Nowak", "Anna", allergies="orzechy laskowe " * 60), Row("Lis", "Ewa", diet=("soft",))]
    text = pdf_text(render(rows))
    assert "…" in text
    assert "Lis Ewa" in text
