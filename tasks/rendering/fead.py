"""The accompanying-measures report for the partner organisation (FEPŻ), monthly: PDF and CSV.

Sessions held (ended, not cancelled) by theme, attendances and distinct participants, in the
month and since 1 January; then the month's sessions one by one.
"""

import datetime

from django.utils import timezone
from reportlab.lib.units import mm

from tasks.rendering import wording
from tasks.rendering.fepz import NO_SETTINGS, Programme, header_with_logo_strip, programme_blocks
from tasks.rendering.layout import Column, Frame, Table, render
from tasks.rendering.parts import heading, lines_block, signature_block
from tasks.rendering.spreadsheet import csv_bytes

TITLE = "Sprawozdanie z działań towarzyszących"
TOTAL = "Razem"
FIGURE_COLUMNS = (
    Column("Temat warsztatów", 54 * mm),
    Column("Warsztaty w miesiącu", 21 * mm, "right"),
    Column("Obecności w miesiącu", 21 * mm, "right"),
    Column("Uczestnicy w miesiącu", 21 * mm, "right"),
    Column("Warsztaty od 1 stycznia", 21 * mm, "right"),
    Column("Obecności od 1 stycznia", 21 * mm, "right"),
    Column("Uczestnicy od 1 stycznia", 21 * mm, "right"),
)
SESSION_COLUMNS = (
    Column("Lp.", 10 * mm, "right"),
    Column("Data", 38 * mm),
    Column("Godziny", 22 * mm),
    Column("Temat", 45 * mm),
    Column("Tytuł", 45 * mm),
    Column("Obecni", 20 * mm, "right"),
)


def render_fead_report(
    *, report, printed_at: datetime.datetime, printed_by: str, programme: Programme = NO_SETTINGS
) -> bytes:
    """``report`` is a workshops.selectors.FeadReport; ``programme`` the office's FEPŻ settings."""
    blocks = [
        lines_block([(wording.INSTITUTION, True, 10), (wording.ADDRESS, False, 8.5)], space_after=1 * mm),
        lines_block([(TITLE, True, 14)], space_after=0),
        *programme_blocks(programme, year=report.year),
        lines_block([(f"Miesiąc: {wording.month_text(report.year, report.month)}", False, 9.5)]),
    ]
    height, draw_header = header_with_logo_strip(blocks, programme.logo_file)
    frame = Frame(
        header_height=height,
        draw_header=draw_header,
        footer_left=wording.printed_line(printed_at, printed_by),
        title=f"{TITLE} {report.year}-{report.month:02d}",
    )
    sessions = Table(columns=SESSION_COLUMNS, rows=report.sessions, cells=_session_cells)
    return render(
        frame,
        [
            heading("Warsztaty według tematów"),
            Table(columns=FIGURE_COLUMNS, rows=theme_rows(report), cells=lambda _n, row: [str(v) for v in row]),
            heading("Warsztaty przeprowadzone w miesiącu"),
            sessions,
            signature_block("Sporządził:", "(data i czytelny podpis)"),
        ],
    )


def theme_rows(report) -> list[tuple]:
    """(theme's name, month: sessions, attendances, participants, the same since 1 January), then the total."""
    rows = [
        (wording.TOPICS.get(topic, topic), *_three(figures), *_three(report.year_by_topic[topic]))
        for topic, figures in report.month_by_topic.items()
    ]
    rows.append((TOTAL, *_three(report.month_total), *_three(report.year_total)))
    return rows


def _three(figures) -> tuple[int, int, int]:
    return figures.sessions, figures.attendances, figures.participants


def _session_cells(number: int, session) -> tuple[str, ...]:
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    return (
        str(number),
        wording.day_text(starts.date()),
        f"{starts:%H:%M}–{ends:%H:%M}",
        wording.TOPICS.get(session.topic, session.topic),
        session.title,
        str(session.attendances),
    )


def render_fead_csv(*, report) -> bytes:
    header = [
        "temat",
        "warsztaty",
        "obecnosci",
        "uczestnicy",
        "warsztaty_od_1_stycznia",
        "obecnosci_od_1_stycznia",
        "uczestnicy_od_1_stycznia",
    ]
    return csv_bytes([header, *theme_rows(report)])
