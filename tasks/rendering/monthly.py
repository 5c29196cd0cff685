"""The monthly meal report: what the programme's settlement is built from (PDF and CSV)."""

import csv
import datetime
import io

from reportlab.lib.units import mm

from config import dates
from tasks.rendering import wording
from tasks.rendering.layout import Column, Frame, Table, render
from tasks.rendering.parts import header_frame_part, heading, lines_block, signature_block

TITLE = "Sprawozdanie miesięczne – posiłki"
DAY_COLUMNS = (Column("Data", 40 * mm), Column("Dzień tygodnia", 60 * mm), Column("Liczba posiłków", 40 * mm, "right"))
RESIDENT_COLUMNS = (
    Column("Lp.", 12 * mm, align="right"),
    Column("Nazwisko i imię", 90 * mm),
    Column("Dzielnica", 43 * mm),
    Column("Liczba posiłków", 35 * mm, align="right"),
)
DISTRICT_COLUMNS = (Column("Dzielnica", 100 * mm), Column("Liczba posiłków", 40 * mm, "right"))
# Spreadsheet programs run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def render_monthly_report(*, figures, point_name: str, printed_at: datetime.datetime, printed_by: str) -> bytes:
    """``figures`` is a meals.selectors.figures.MonthlyMealFigures."""
    height, draw_header = header_frame_part(
        [
            (wording.INSTITUTION, True, 10),
            (wording.ADDRESS, False, 8.5),
            (TITLE, True, 14),
            (f"Punkt: {point_name}    Miesiąc: {wording.month_text(figures.year, figures.month)}", False, 9.5),
        ]
    )
    frame = Frame(
        header_height=height,
        draw_header=draw_header,
        footer_left=wording.printed_line(printed_at, printed_by),
        title=f"{TITLE} {figures.year}-{figures.month:02d}",
    )
    return render(frame, _sections(figures))


def _sections(figures) -> list:
    summary = [
        (f"Liczba wydanych posiłków: {figures.total}", True, 10),
        (f"Liczba osób, którym wydano posiłek: {figures.distinct_persons}", True, 10),
        (
            f"W tym osoby w kryzysie bezdomności: {figures.homeless_persons} (posiłków: {figures.homeless_meals})",
            False,
            10,
        ),
    ]
    return [
        lines_block(summary, space_after=1 * mm),
        heading("Posiłki według dzielnic"),
        Table(columns=DISTRICT_COLUMNS, rows=list(figures.by_district.items()), cells=_district_cells),
        heading("Posiłki według dni"),
        Table(columns=DAY_COLUMNS, rows=figures.per_day, cells=_day_cells),
        heading("Posiłki według osób"),
        Table(columns=RESIDENT_COLUMNS, rows=figures.per_resident, cells=_resident_cells),
        signature_block("Sporządził:", "(data i czytelny podpis)"),
    ]


def _district_cells(_number: int, row) -> tuple[str, ...]:
    district, meals = row
    return (wording.district_text(district), str(meals))


def _day_cells(_number: int, row) -> tuple[str, ...]:
    day, meals = row
    return (dates.day_text(day), wording.weekday_text(day), str(meals))


def _resident_cells(number: int, row) -> tuple[str, ...]:
    _id, last_name, first_name, district, meals = row
    return (str(number), f"{last_name} {first_name}", wording.district_text(district), str(meals))


def render_monthly_csv(*, figures) -> bytes:
    """The same figures for a spreadsheet: one row per figure, its section in the first column.

    "liczba" is meals, except in the "liczba_osob" and "osoby_bezdomne" rows (distinct persons).

    Semicolons and a UTF-8 byte order mark, so a Polish Excel opens it with the letters intact.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["sekcja", "data", "id_mieszkanca", "nazwisko", "imie", "dzielnica", "liczba"])
    for day, meals in figures.per_day:
        writer.writerow(["dzien", day.isoformat(), "", "", "", "", meals])
    for resident_id, last_name, first_name, district, meals in figures.per_resident:
        writer.writerow(["osoba", "", resident_id, _cell(last_name), _cell(first_name), district, meals])
    for district, meals in figures.by_district.items():
        writer.writerow(["dzielnica", "", "", "", "", district, meals])
    writer.writerow(["osoby_bezdomne", "", "", "", "", "", figures.homeless_persons])
    writer.writerow(["posilki_osob_bezdomnych", "", "", "", "", "", figures.homeless_meals])
    writer.writerow(["liczba_osob", "", "", "", "", "", figures.distinct_persons])
    writer.writerow(["razem", "", "", "", "", "", figures.total])
    return out.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text
