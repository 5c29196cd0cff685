"""The serving sheet, "Lista wydawania – diety": the staff's sheet for the serving table (docs/printing.md).

Never signed by residents: it is the one printed list that names diets and allergies.
"""

import datetime
from collections import Counter
from collections.abc import Sequence

from reportlab.lib.units import mm

from config import dates
from config.text import name_sort_key
from tasks.rendering import wording
from tasks.rendering.layout import Column, Table, render
from tasks.rendering.parts import heading, lines_block, office_list_frame

TITLE = "Lista wydawania – diety"
NOTICE = "Dla personelu wydającego posiłki. Nie do podpisu przez odbierających (dane o zdrowiu)."
STANDARD = "bez diety (standardowa)"
PORTION_COLUMNS = (Column("Dieta", 120 * mm), Column("Porcje", 30 * mm, align="right"))
PERSON_COLUMNS = (
    Column("Lp.", 9 * mm, align="right"),
    Column("Nazwisko i imię (rok urodzenia)", 58 * mm),
    Column("Dieta", 60 * mm),
    Column("Alergie", 53 * mm, max_lines=5),
)


def render_serving_sheet(
    *, day: datetime.date, rows: Sequence, point_name: str, printed_at: datetime.datetime, printed_by: str
) -> bytes:
    """``rows`` are meals.selectors.roster.RosterRow (everyone on the day's list), in print order."""
    frame = office_list_frame(
        list_name=TITLE,
        about=f"Punkt: {point_name}    Data: {wording.day_text(day)}",
        notes=[(NOTICE, True, 8.5)],
        title=f"{TITLE} {dates.day_text(day)}",
        printed_at=printed_at,
        printed_by=printed_by,
    )
    with_needs = [row for row in rows if row.diet or (row.allergies or "").strip()]
    return render(
        frame,
        [
            heading("Porcje według diety"),
            Table(columns=PORTION_COLUMNS, rows=portions_by_diet(rows), cells=lambda _n, row: row),
            lines_block([(f"Razem porcji: {len(rows)}", True, 10)], space_before=2 * mm, keep_with_previous=True),
            heading("Kto ma dietę lub alergię"),
            Table(columns=PERSON_COLUMNS, rows=with_needs, cells=_person_cells),
            *_nobody(with_needs),
        ],
    )


def portions_by_diet(rows: Sequence) -> list[tuple[str, str]]:
    """(diet, portions): one portion per person, a person with two tags counted once under both together."""
    counts = Counter(wording.diet_names(row.diet) or STANDARD for row in rows)
    ordered = sorted(counts.items(), key=lambda item: (item[0] == STANDARD, name_sort_key(item[0])))
    return [(name, str(count)) for name, count in ordered]


def _person_cells(number: int, row) -> tuple[str, ...]:
    return (str(number), wording.name_with_birth_year(row), wording.diet_names(row.diet), (row.allergies or "").strip())


def _nobody(rows: Sequence) -> list:
    return [] if rows else [lines_block([("Nikt na liście nie ma diety ani alergii.", False, 9.5)])]
