"""An uploaded file -> its rows: CSV (UTF-8 or Windows-1250, ``;`` or ``,``) or XLSX.

Anything that is not such a table (a PDF, an image, an empty or oversized file, a sheet without
the required columns) is a ValidationError on ``file`` with a message for the coordinator.
"""

import csv
import datetime
import io
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from config.text import fold

COLUMNS = (
    "nazwisko",
    "imie",
    "pesel",
    "data_urodzenia",
    "ulica",
    "nr_domu",
    "nr_lokalu",
    "kod_pocztowy",
    "telefon",
    "program",
    "nr_decyzji",
    "od",
    "do",
    "dni",
)
REQUIRED_COLUMNS = ("nazwisko", "imie", "program", "nr_decyzji", "od", "do")
XLSX_MAGIC = b"PK\x03\x04"
# Files people upload by mistake: PDF, PNG, JPEG, GIF, TIFF, WebP/RIFF, old Office, gzip, 7z.
BINARY_MAGICS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"RIFF", b"\xd0\xcf\x11\xe0")
BINARY_MAGICS += (b"\x1f\x8b", b"7z\xbc\xaf")
XLSX_MAX_COLUMNS = 64
XLSX_UNPACK_FACTOR = 10
# What a damaged workbook raises while it is read: a broken zip or member (BadZipFile, zlib.error,
# EOFError; Deflate64: NotImplementedError; encrypted: RuntimeError), XML that does not parse
# (ElementTree's and lxml's ParseError are SyntaxErrors; defusedxml's refusals ValueErrors), a
# part missing or of the wrong shape (KeyError, TypeError, IndexError, openpyxl's own errors).
XLSX_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, SyntaxError)
XLSX_DAMAGED += (KeyError, ValueError, TypeError, IndexError, AttributeError, OSError)


@dataclass(frozen=True)
class SourceRow:
    line: int  # the line of a CSV file, the row of a sheet (the header is 1)
    values: dict[str, str]  # known column -> the cell's text, stripped


def refuse_oversized(size: int):
    """Checked before an upload is read: a file over the limit never reaches memory."""
    if size > settings.IMPORT_MAX_BYTES:
        limit = settings.IMPORT_MAX_BYTES / (1024 * 1024)
        _refuse(_("The file is larger than %(limit)g MB: split it into smaller files.") % {"limit": limit})


def read_table(*, content: bytes) -> list[SourceRow]:
    """The non-empty rows under the header; raises ValidationError({"file": [...]}) for anything else."""
    refuse_oversized(len(content))
    if not content.strip():
        _refuse(_("The file is empty."))
    if content.startswith(XLSX_MAGIC):
        lines = _xlsx_lines(content)
    elif content.startswith(BINARY_MAGICS) or b"\x00" in content[:65536]:
        _refuse(_("This is not a table: upload a CSV file or an Excel (XLSX) sheet."))
    else:
        lines = _csv_lines(content)
    return _rows(lines)


def _refuse(message: str):
    raise ValidationError({"file": [message]}, code="not_a_table")


def _csv_lines(content: bytes):
    text = _decoded(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error:
        _refuse(_("The file cannot be read as CSV (line %(line)d).") % {"line": line})


def _decoded(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1250")
    except UnicodeDecodeError:
        _refuse(_("The file's text is neither UTF-8 nor Windows-1250."))


def _xlsx_lines(content: bytes):
    """The first sheet's rows; openpyxl parses the XML through defusedxml when it is installed."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        _refuse_unpacking_too_much(content)
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for line, cells in enumerate(sheet.iter_rows(max_col=XLSX_MAX_COLUMNS, values_only=True), start=1):
            yield line, [_cell_text(cell) for cell in cells]
    except (*XLSX_DAMAGED, InvalidFileException):
        _refuse(_("The Excel file cannot be read: save it again as XLSX or CSV."))


def _refuse_unpacking_too_much(content: bytes) -> None:
    """An XLSX is a zip: a few MB may unpack to gigabytes, and openpyxl keeps a sheet's shared
    strings in memory. Real sheets of IMPORT_MAX_ROWS rows unpack to a few times their size, so
    more than XLSX_UNPACK_FACTOR times the file limit is refused. The sizes the archive declares
    bound what is unpacked: zipfile never gives more than a member's declared size."""
    unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(content)).infolist())
    if unpacked > XLSX_UNPACK_FACTOR * settings.IMPORT_MAX_BYTES:
        raise zipfile.BadZipFile(f"unpacks to {unpacked} bytes")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(lines) -> list[SourceRow]:
    header = None
    rows: list[SourceRow] = []
    for line, cells in lines:
        if header is None:
            if any(cell.strip() for cell in cells):
                header = _header(cells)
            continue
        values = {name: cells[index].strip() for index, name in header.items() if index < len(cells)}
        if any(values.values()):
            rows.append(SourceRow(line=line, values=_padded_pesel(values)))
        if len(rows) > settings.IMPORT_MAX_ROWS:
            _refuse(_("The file has more than %(n)d rows: split it.") % {"n": settings.IMPORT_MAX_ROWS})
    if header is None:
        _refuse(_("The file is empty."))
    return rows


def _header(cells: list[str]) -> dict[int, str]:
    """Column index -> known column name (case, diacritics and spaces ignored: "Imię" is imie)."""
    names = {index: fold(cell).replace(" ", "_") for index, cell in enumerate(cells)}
    header = {index: name for index, name in names.items() if name in COLUMNS}
    missing = [name for name in REQUIRED_COLUMNS if name not in header.values()]
    if missing:
        message = _("This is not the import table: columns missing: %(missing)s. Download the template.")
        _refuse(message % {"missing": ", ".join(missing)})
    return header


def _padded_pesel(values: dict[str, str]) -> dict[str, str]:
    """A spreadsheet stores 02211307589 as the number 2211307589: the leading zero comes back."""
    pesel = values.get("pesel", "")
    if pesel.isdigit() and 9 <= len(pesel) < 11:
        values["pesel"] = pesel.zfill(11)
    return values
