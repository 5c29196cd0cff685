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


def damaged_xlsx(damage: str) -> bytes:
    """A real Excel sheet damaged as a broken download or another program leaves it (the reader's 400s)."""
    import struct
    import zipfile

    good = xlsx_file([["Nowak", "Anna"]])
    if damage in ("truncated_xml", "not_xml"):
        source, out = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as damaged:
            for name in source.namelist():
                data = source.read(name)
                if name == "xl/worksheets/sheet1.xml":
                    data = data[: len(data) // 2] if damage == "truncated_xml" else b"<<not xml"
                damaged.writestr(name, data)
        return out.getvalue()
    content = bytearray(good)
    if damage == "corrupt_deflate":  # bytes flipped inside the first member's compressed data
        for index in range(300, 340):
            content[index] ^= 0xFF
        return bytes(content)
    # Every member's header says Deflate64 (a method Python cannot read) or "encrypted".
    value, local, central = {"deflate64": (9, 8, 10), "encrypted": (1, 6, 8)}[damage]
    for magic, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        index = content.find(magic)
        while index != -1:
            struct.pack_into("<H", content, index + offset, value)
            index = content.find(magic, index + 4)
    return bytes(content)


DAMAGES = ("truncated_xml", "not_xml", "corrupt_deflate", "deflate64", "encrypted")
