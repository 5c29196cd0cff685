"""The one CSV writer of every document with a table (docs/api.md#documents: UTF-8 with BOM, ``;``, CRLF).

A Polish Excel opens such a file with the letters intact and splits it into columns by itself.
Money is written with a decimal comma and no thousands grouping or unit (``1520,50``); cells
that a spreadsheet would run as formulas are defused with a leading apostrophe (CSV injection).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

# Spreadsheet programs run cells starting with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """The rows (the header first) as the file's bytes; text cells are made formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def money(amount: Decimal | None) -> str:
    """'1520,50': two decimals, a comma, nothing else ("" when there is no amount)."""
    return "" if amount is None else f"{amount:.2f}".replace(".", ",")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value
