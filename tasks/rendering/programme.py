"""The hot-meal programme's figures in the monthly report: persons by sex and age band, takeaways, cost."""

from reportlab.lib.units import mm

from tasks.rendering import wording
from tasks.rendering.layout import Column, Table
from tasks.rendering.parts import heading, lines_block
from tasks.rendering.spreadsheet import money

PROGRAMME = "Program „Posiłek w szkole i w domu”"
SEXES = {"female": "Kobiety", "male": "Mężczyźni", "unknown": "Płeć nieustalona (brak PESEL)"}
BANDS = {"unknown": "wiek nieznany"}


def programme_section(programme) -> list:
    """``programme`` is a meals.selectors.programme.ProgrammeFigures."""
    bands = _bands(programme)
    columns = (
        Column("Osoby", 50 * mm),
        *(Column(BANDS.get(band, f"{band} lat"), 22 * mm, "right") for band in bands),
        Column("Razem", 20 * mm, "right"),
    )
    lines = [
        (f"Posiłki wydane: {programme.meals}, w tym na wynos lub z dowozem: {programme.takeaway_meals}", False, 9.5),
        (f"Posiłki wprowadzone z list papierowych: {programme.paper_meals}", False, 9.5),
        *(
            (f"Koszt – {wording.FUNDINGS.get(f, f)}: {_cost(a)}", False, 9.5)
            for f, a in programme.cost_by_funding.items()
        ),
        (f"Koszt razem: {_cost(programme.cost)}", True, 9.5),
    ]
    return [
        heading(PROGRAMME),
        Table(columns=columns, rows=_person_rows(programme, bands), cells=lambda _n, row: row),
        lines_block(lines, space_before=2 * mm),
    ]


def programme_csv_rows(programme, width: int) -> list[list]:
    """Rows for the monthly CSV: ``[section, key, value]`` padded to ``width`` columns (value last)."""
    rows = [["osoby", f"{sex} {band}", count] for (sex, band), count in programme.persons.items()]
    rows.append(["na_wynos", "", programme.takeaway_meals])
    rows += [["koszt", funding, money(amount)] for funding, amount in programme.cost_by_funding.items()]
    rows.append(["koszt", "razem", money(programme.cost)])
    return [[section, key, *[""] * (width - 3), value] for section, key, value in rows]


def _bands(programme) -> list[str]:
    seen = []
    for _sex, band in programme.persons:
        if band not in seen:
            seen.append(band)
    return seen


def _person_rows(programme, bands: list[str]) -> list[tuple[str, ...]]:
    rows = []
    for sex, label in SEXES.items():
        counts = [programme.persons.get((sex, band), 0) for band in bands]
        rows.append((label, *map(str, counts), str(sum(counts))))
    totals = [sum(programme.persons.get((sex, band), 0) for sex in SEXES) for band in bands]
    rows.append(("Razem", *map(str, totals), str(sum(totals))))
    return rows


def _cost(amount) -> str:
    return "brak ceny posiłku" if amount is None else f"{money(amount)} zł"
