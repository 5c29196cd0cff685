"""The workshop attendance list, "Lista obecności" (docs/domain.md#printed-lists)."""

import datetime
from collections.abc import Sequence

from django.utils import timezone
from reportlab.lib.units import mm

from config.pdf import markup_safe
from tasks.rendering import wording
from tasks.rendering.fepz import NO_SETTINGS, Programme, header_with_logo_strip, programme_blocks
from tasks.rendering.layout import Column, Frame, Table, render
from tasks.rendering.parts import lines_block, paragraph_block, signature_block

TITLE = "Lista obecności"
COLUMNS = (
    Column("Lp.", 12 * mm, align="right"),
    Column("Nazwisko i imię", 70 * mm),
    Column("Nr skierowania", 43 * mm, one_line=True),
    Column("Podpis", 55 * mm),
)


def render_attendance_sheet(
    *, sheet, printed_at: datetime.datetime, printed_by: str, programme: Programme = NO_SETTINGS
) -> bytes:
    """``sheet`` is a workshops.selectors.AttendanceSheet (or anything with the same attributes)."""
    header_height, draw_header = header_with_logo_strip(_session_details(sheet, programme), programme.logo_file)
    frame = Frame(
        header_height=header_height,
        draw_header=draw_header,
        footer_left=wording.printed_line(printed_at, printed_by),
        title=f"{TITLE} – {sheet.title}",
    )
    table = Table(columns=COLUMNS, rows=sheet.rows, cells=_cells, min_row_height=10 * mm)
    return render(frame, [table, *_closing(sheet.rows)])


def _session_details(sheet, programme: Programme) -> list:
    """The header of every page; user text (title, place, leader, settings) goes through markup_safe."""
    starts, ends = timezone.localtime(sheet.starts_at), timezone.localtime(sheet.ends_at)
    theme = wording.TOPICS.get(sheet.topic, sheet.topic_label)
    blocks = [
        lines_block([(wording.INSTITUTION, True, 10), (wording.ADDRESS, False, 8.5)], space_after=1 * mm),
        lines_block([(TITLE, True, 14)], space_after=0),
        *programme_blocks(programme, year=starts.year),
        paragraph_block(f"<b>Temat:</b> {markup_safe(theme)} – {markup_safe(sheet.title)}"),
        paragraph_block(f"<b>Data:</b> {wording.day_text(starts.date())}, godz. {starts:%H:%M}–{ends:%H:%M}"),
        paragraph_block(f"<b>Miejsce:</b> {markup_safe(sheet.location or '–')}"),
        paragraph_block(f"<b>Prowadzący:</b> {markup_safe(sheet.leader_name or '–')}", space_after=3 * mm),
    ]
    if sheet.status == "cancelled":
        blocks.insert(2, lines_block([("WARSZTAT ODWOŁANY", True, 11)], space_after=1 * mm))
    return blocks


def _cells(number: int, row) -> tuple[str, ...]:
    return (str(number), f"{row.last_name} {row.first_name}", row.document_number, "")


def _closing(rows: Sequence) -> list:
    lines = [(f"Liczba uczestników: {len(rows)}", True, 10)]
    if not rows:
        lines.insert(0, ("Brak zapisanych uczestników.", False, 9.5))
    count = lines_block(lines, space_before=3 * mm, space_after=0, keep_with_previous=True, keep_with_next=True)
    return [count, signature_block("Podpis prowadzącego:", "(data i czytelny podpis)")]
