"""The daily meal list, "Lista odbioru posiłków" (docs/domain.md#printed-lists)."""

import datetime
from collections.abc import Sequence

from reportlab.lib.units import mm

from config import dates
from tasks.rendering import wording
from tasks.rendering.layout import Column, Table, render
from tasks.rendering.parts import lines_block, office_list_frame, signature_block

TITLE = "Lista odbioru posiłków"
# No diet or allergy here: every resident who signs sees the whole page (docs/domain.md#printed-lists,
# RODO art. 9). The staff's serving sheet (tasks/rendering/serving.py) carries them.
COLUMNS = (
    Column("Lp.", 9 * mm, align="right"),
    Column("Nazwisko i imię (rok urodzenia)", 58 * mm),
    Column("Nr decyzji", 38 * mm, one_line=True),
    Column("Podpis odbierającego", 45 * mm),
    Column("Uwagi", 30 * mm),
)
SERVED_MARK = "✓ wydano"


def render_meal_roster(
    *, day: datetime.date, rows: Sequence, point_name: str, printed_at: datetime.datetime, printed_by: str
) -> bytes:
    """``rows`` are meals.selectors.roster.RosterRow (or anything with the same attributes), in print order."""
    frame = office_list_frame(
        list_name=TITLE,
        about=f"Punkt: {point_name}    Data: {wording.day_text(day)}",
        title=f"{TITLE} {dates.day_text(day)}",
        printed_at=printed_at,
        printed_by=printed_by,
    )
    table = Table(
        columns=COLUMNS,
        rows=rows,
        cells=_cells,
        min_row_height=9 * mm,  # room for a handwritten signature
        shaded=_served,
    )
    return render(frame, [table, *_closing(rows)])


def _cells(number: int, row) -> tuple[str, ...]:
    return (
        str(number),
        wording.name_with_birth_year(row),
        row.document_number,
        "",
        _remarks(row),
    )


def _served(row) -> bool:
    return row.issued_at is not None


def _remarks(row) -> str:
    if row.issued_at is None:
        return ""
    remark = f"{SERVED_MARK} {wording.local_time(row.issued_at)}"
    return f"{remark}, na wynos" if row.takeaway else remark


def _closing(rows: Sequence) -> list:
    served = sum(1 for row in rows if row.issued_at is not None)
    lines = [
        (f"Razem na liście: {len(rows)}", True, 10),
        (f"Wydano przed wydrukiem: {served}    Do wydania: {len(rows) - served}", False, 9.5),
    ]
    if not rows:
        lines.insert(0, ("Brak osób uprawnionych do posiłku w tym dniu.", False, 9.5))
    totals = lines_block(lines, space_before=3 * mm, space_after=0, keep_with_previous=True, keep_with_next=True)
    return [totals, signature_block("Wydał:", "(data i czytelny podpis)")]
