"""The caterer's settlement of a month (docs/domain.md#printed-lists): what the invoice is checked against.

Per day and funding: meals issued, voided (not paid), the day's price and the amount; the
totals by funding and in all; a bar chart of meals per day. PDF and CSV.
"""

import datetime

from reportlab.lib.units import mm

from config import dates
from tasks.rendering import wording
from tasks.rendering.charts import daily_bars_block
from tasks.rendering.layout import Column, Table, render
from tasks.rendering.parts import heading, lines_block, office_list_frame, signature_block
from tasks.rendering.spreadsheet import csv_bytes, money

TITLE = "Rozliczenie posiłków z dostawcą"
ROW_COLUMNS = (
    Column("Data", 21 * mm),
    Column("Dzień tygodnia", 24 * mm),
    Column("Finansowanie", 40 * mm),
    Column("Wydane", 18 * mm, "right"),
    Column("Anulowane", 22 * mm, "right"),
    Column("Cena (zł)", 22 * mm, "right"),
    Column("Kwota (zł)", 33 * mm, "right"),
)
# Short names in the day rows (the totals above name each funding in full).
ROW_FUNDINGS = {"programme": "program", "own_funds": "środki własne"}
TOTAL_COLUMNS = (
    Column("Finansowanie", 80 * mm),
    Column("Wydane", 25 * mm, "right"),
    Column("Anulowane", 25 * mm, "right"),
    Column("Kwota (zł)", 50 * mm, "right"),
)
NO_PRICE = "brak ceny"


def render_settlement(*, settlement, point_name: str, printed_at: datetime.datetime, printed_by: str) -> bytes:
    """``settlement`` is a meals.selectors.settlement.MealSettlement."""
    frame = office_list_frame(
        list_name=TITLE,
        about=f"Punkt: {point_name}    Miesiąc: {wording.month_text(settlement.year, settlement.month)}",
        title=f"{TITLE} {settlement.year}-{settlement.month:02d}",
        printed_at=printed_at,
        printed_by=printed_by,
    )
    return render(frame, _sections(settlement))


def _sections(settlement) -> list:
    return [
        lines_block(_summary(settlement), space_after=1 * mm),
        heading("Razem według finansowania"),
        Table(columns=TOTAL_COLUMNS, rows=[*settlement.totals, settlement.total], cells=_total_cells),
        heading("Posiłki według dni"),
        daily_bars_block(settlement.per_day),
        Table(columns=ROW_COLUMNS, rows=settlement.rows, cells=_row_cells),
        signature_block("Sprawdził:", "(data i czytelny podpis)"),
    ]


def _summary(settlement) -> list:
    total = settlement.total
    lines = [
        (f"Posiłki wydane: {total.issued}    Kwota do zapłaty: {_amount(total.amount)} zł", True, 10),
        (f"Posiłki anulowane (niewliczone do kwoty): {total.voided}", False, 9.5),
    ]
    if settlement.paper_days:
        paper = sum(count for _day, count in settlement.paper_days)
        days = ", ".join(f"{day:%d.%m} ({count})" for day, count in settlement.paper_days)
        lines.append((f"W tym wprowadzone z list papierowych: {paper} – {days}", False, 9.5))
    if settlement.days_without_price:
        days = ", ".join(f"{day:%d.%m}" for day in settlement.days_without_price)
        lines.append((f"UWAGA: brak ceny posiłku w dniach {days} – kwoty niepełne.", True, 9.5))
    return lines


def _amount(amount) -> str:
    return NO_PRICE if amount is None else money(amount)


def _funding(code: str) -> str:
    return wording.FUNDINGS.get(code, code) if code else "Razem"


def _total_cells(_number: int, total) -> tuple[str, ...]:
    return (_funding(total.funding), str(total.issued), str(total.voided), _amount(total.amount))


def _row_cells(_number: int, row) -> tuple[str, ...]:
    return (
        dates.day_text(row.date),
        wording.weekday_text(row.date),
        ROW_FUNDINGS.get(row.funding, row.funding),
        str(row.issued),
        str(row.voided),
        _amount(row.price),
        _amount(row.amount),
    )


def render_settlement_csv(*, settlement) -> bytes:
    """A row per day and funding (docs/api.md column order), then a total row per funding ("razem")."""
    rows = [["data", "finansowanie", "wydane", "anulowane", "cena", "kwota"]]
    for row in settlement.rows:
        rows.append([row.date.isoformat(), row.funding, row.issued, row.voided, money(row.price), money(row.amount)])
    for total in settlement.totals:
        rows.append(["razem", total.funding, total.issued, total.voided, "", money(total.amount)])
    return csv_bytes(rows)
