"""The monthly meal report: what the programme's settlement is built from (PDF and CSV)."""

import datetime

from reportlab.lib.units import mm

from config import dates
from tasks.rendering import wording
from tasks.rendering.charts import daily_bars_block
from tasks.rendering.layout import Column, Table, render
from tasks.rendering.parts import heading, lines_block, office_list_frame, signature_block
from tasks.rendering.programme import programme_csv_rows, programme_section
from tasks.rendering.spreadsheet import csv_bytes

TITLE = "Sprawozdanie miesięczne – posiłki"
DAY_COLUMNS = (Column("Data", 40 * mm), Column("Dzień tygodnia", 60 * mm), Column("Liczba posiłków", 40 * mm, "right"))
RESIDENT_COLUMNS = (
    Column("Lp.", 12 * mm, align="right"),
    Column("Nazwisko i imię", 90 * mm),
    Column("Dzielnica", 43 * mm),
    Column("Liczba posiłków", 35 * mm, align="right"),
)
DISTRICT_COLUMNS = (Column("Dzielnica", 100 * mm), Column("Liczba posiłków", 40 * mm, "right"))


def render_monthly_report(
    *, figures, point_name: str, printed_at: datetime.datetime, printed_by: str, programme=None
) -> bytes:
    """``figures`` is a meals.selectors.figures.MonthlyMealFigures; ``programme`` the programme's
    figures of the same month (meals.selectors.programme.ProgrammeFigures), when known."""
    frame = office_list_frame(
        list_name=TITLE,
        about=f"Punkt: {point_name}    Miesiąc: {wording.month_text(figures.year, figures.month)}",
        title=f"{TITLE} {figures.year}-{figures.month:02d}",
        printed_at=printed_at,
        printed_by=printed_by,
    )
    return render(frame, _sections(figures, programme_section(programme) if programme else []))


def _sections(figures, programme: list) -> list:
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
        daily_bars_block(figures.per_day),
        Table(columns=DAY_COLUMNS, rows=figures.per_day, cells=_day_cells),
        *programme,
        heading("Posiłki według osób"),
        Table(columns=RESIDENT_COLUMNS, rows=figures.per_resident, cells=_resident_cells),
        signature_block("Sporządził:", "(data i czytelny podpis)", keep_with_previous=True),
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


def render_monthly_csv(*, figures, programme=None) -> bytes:
    """The same figures for a spreadsheet: one row per figure, its section in the first column.

    "liczba" is meals, except in the "liczba_osob" and "osoby_bezdomne" rows (distinct persons).
    """
    rows = [["sekcja", "data", "id_mieszkanca", "nazwisko", "imie", "dzielnica", "liczba"]]
    rows += [["dzien", day.isoformat(), "", "", "", "", meals] for day, meals in figures.per_day]
    for resident_id, last_name, first_name, district, meals in figures.per_resident:
        rows.append(["osoba", "", resident_id, last_name, first_name, district, meals])
    rows += [["dzielnica", "", "", "", "", district, meals] for district, meals in figures.by_district.items()]
    rows.append(["osoby_bezdomne", "", "", "", "", "", figures.homeless_persons])
    rows.append(["posilki_osob_bezdomnych", "", "", "", "", "", figures.homeless_meals])
    rows.append(["liczba_osob", "", "", "", "", "", figures.distinct_persons])
    rows.append(["razem", "", "", "", "", "", figures.total])
    if programme is not None:
        rows += programme_csv_rows(programme, width=len(rows[0]))
    return csv_bytes(rows)
