"""The monthly meal report carries the hot-meal programme's figures and draws meals per day as bars."""

import csv
import io
from decimal import Decimal

from pypdf import PdfReader
from reportlab.lib.rl_accel import fp_str

from meals.selectors.programme import SEXES, ProgrammeFigures, band_labels
from tasks.rendering.charts import BAR_COLOUR
from tasks.rendering.monthly import render_monthly_csv, render_monthly_report
from tests.support import NOW
from tests.tasks.helpers import pdf_text
from tests.tasks.test_monthly_report_files import FIGURES

PERSONS = {(sex, band): 0 for sex in SEXES for band in band_labels()}
PROGRAMME = ProgrammeFigures(
    persons={**PERSONS, ("female", "65+"): 1, ("male", "19–64"): 1},
    takeaway_meals=1,
    paper_meals=2,
    meals=3,
    cost_by_funding={"programme": Decimal("30.40"), "own_funds": Decimal("15.20")},
    cost=Decimal("45.60"),
)


def render() -> bytes:
    return render_monthly_report(
        figures=FIGURES, programme=PROGRAMME, point_name="Punkt", printed_at=NOW, printed_by="Ewa Lis"
    )


def test_the_pdf_has_the_programmes_persons_takeaways_and_cost_by_funding():
    text = " ".join(pdf_text(render()).split())
    assert "Program „Posiłek w szkole i w domu”" in text
    assert "Kobiety 0 0 0 1 0 1" in text
    assert "Mężczyźni 0 0 1 0 0 1" in text
    assert "Posiłki wydane: 3, w tym na wynos lub z dowozem: 1" in text
    assert "Posiłki wprowadzone z list papierowych: 2" in text
    assert "Koszt – Program „Posiłek w szkole i w domu”: 30,40 zł" in text
    assert "Koszt – Środki własne gminy: 15,20 zł" in text
    assert "Koszt razem: 45,60 zł" in text


def test_the_pdf_draws_the_meals_per_day_as_bars():
    """Two days with meals (2 and 1), one without: two bars filled in the chart's colour."""
    fill = f"{fp_str(*BAR_COLOUR.rgb())} rg".encode()
    assert _content(render()).count(fill) == 2


def test_the_csv_ends_with_the_programmes_figures():
    content = render_monthly_csv(figures=FIGURES, programme=PROGRAMME)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert ["osoby", "female 65+", "", "", "", "", "1"] in rows
    assert ["na_wynos", "", "", "", "", "", "1"] in rows
    assert rows[-1] == ["koszt", "razem", "", "", "", "", "45,60"]


def _content(pdf: bytes) -> bytes:
    return b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)
