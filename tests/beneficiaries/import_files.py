"""Import files as the case system and spreadsheets write them."""

import io

from beneficiaries.imports.reading import COLUMNS

HEADER = list(COLUMNS)


def row(**cells) -> dict:
    """A valid hot-meal decision row for Jan Kowalski (PESEL 44051401359) unless ``cells`` say otherwise."""
    values = {
        "nazwisko": "Kowalski",
        "imie": "Jan",
        "pesel": "44051401359",
        "ulica": "Jana Kasprowicza",
        "nr_domu": "2",
        "kod_pocztowy": "41-503",
        "program": "posilek",
        "nr_decyzji": "OPS.8220.1.2026",
        "od": "2026-01-02",
        "do": "2026-12-31",
        "dni": "1-5",
    }
    values.update(cells)
    return values


def csv_file(rows: list[dict], *, separator: str = ";", encoding: str = "utf-8", header=HEADER) -> bytes:
    lines = [separator.join(header)]
    lines += [separator.join(values.get(name, "") for name in header) for values in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_file(rows: list[list]) -> bytes:
    """A real Excel sheet: the header, then ``rows`` of cell values (numbers and dates as Excel keeps them)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for cells in rows:
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
