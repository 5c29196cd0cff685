"""One row of the import table -> the values the residents' and entitlements' services take.

Only the file's own formats are read here (``DD.MM.YYYY``, ``posilek``, ``1-5``); what the values
may be is decided by the services and the shared validators, as for a form or the API.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from beneficiaries import validators
from beneficiaries.imports.reading import SourceRow
from beneficiaries.models import Program
from config.dates import check_year

PROGRAMS = {"posilek": Program.HOT_MEAL, "posiłek": Program.HOT_MEAL, "fead": Program.FEAD}
DEFAULT_WEEKDAYS = (1, 2, 3, 4, 5)
_POLISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DAY_RANGE = re.compile(r"^([1-7])\s*-\s*([1-7])$")

# Service field -> the column it comes from (errors are reported by column).
RESIDENT_COLUMNS = {
    "last_name": "nazwisko",
    "first_name": "imie",
    "pesel": "pesel",
    "birth_date": "data_urodzenia",
    "street": "ulica",
    "building": "nr_domu",
    "flat": "nr_lokalu",
    "postal_code": "kod_pocztowy",
    "phone": "telefon",
}
ENTITLEMENT_COLUMNS = {
    "program": "program",
    "document_number": "nr_decyzji",
    "valid_from": "od",
    "valid_to": "do",
    "weekdays": "dni",
}
COLUMN_OF = {**RESIDENT_COLUMNS, **ENTITLEMENT_COLUMNS}


@dataclass
class ImportRow:
    line: int
    resident: dict = field(default_factory=dict)  # resident_create's fields; empty cells left out
    entitlement: dict = field(default_factory=dict)  # entitlement_create's fields
    errors: dict[str, list[str]] = field(default_factory=dict)  # column -> messages


def parse_row(source: SourceRow) -> ImportRow:
    row = ImportRow(line=source.line)
    cells = source.values
    for name, column in RESIDENT_COLUMNS.items():
        if cells.get(column):
            row.resident[name] = cells[column]
    readers = {
        "pesel": lambda: validators.clean_pesel(cells.get("pesel")),
        "birth_date": lambda: validators.clean_birth_date(parse_date(cells.get("data_urodzenia"))),
        "program": lambda: _program(cells.get("program")),
        "valid_from": lambda: parse_date(cells.get("od")),
        "valid_to": lambda: parse_date(cells.get("do")),
        "weekdays": lambda: parse_weekdays(cells.get("dni")),
    }
    for name, read in readers.items():
        try:
            value = read()
        except ValidationError as error:
            row.errors[COLUMN_OF[name]] = error.messages
            continue
        if name in ENTITLEMENT_COLUMNS:
            row.entitlement[name] = value  # a missing date is the service's "required" error
        elif value is not None:
            row.resident[name] = value
    row.entitlement["document_number"] = cells.get("nr_decyzji", "")
    if not row.resident.get("pesel") and not row.resident.get("birth_date") and "pesel" not in row.errors:
        row.errors["data_urodzenia"] = [_("Give the PESEL or, when the person has none, the birth date.")]
    return row


def parse_date(text: str | None) -> datetime.date | None:
    """'2026-03-02' or '2.03.2026' -> the date; empty -> None."""
    text = (text or "").strip()
    if not text:
        return None
    match = _POLISH_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return check_year(datetime.date(year, month, day))  # the one range, as parse_day keeps it
        except ValueError:
            raise ValidationError(_("Enter a valid date (YYYY-MM-DD or DD.MM.YYYY)."), code="invalid")
    try:
        return validators.as_date(text)
    except ValidationError:
        raise ValidationError(_("Enter a valid date (YYYY-MM-DD or DD.MM.YYYY)."), code="invalid")


def parse_weekdays(text: str | None) -> list[int]:
    """'1-5' -> [1, 2, 3, 4, 5]; '1,3,5' -> [1, 3, 5]; empty -> Monday to Friday."""
    text = (text or "").strip()
    if not text:
        return list(DEFAULT_WEEKDAYS)
    match = _DAY_RANGE.match(text)
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            return list(range(first, last + 1))
    parts = [part for part in re.split(r"[,\s]+", text) if part]
    if parts and all(part in "1234567" and len(part) == 1 for part in parts):
        return [int(part) for part in parts]
    raise ValidationError(_("Give the weekdays as 1-5 or 1,3,5 (1 = Monday … 7 = Sunday)."), code="invalid")


def _program(text: str | None) -> str:
    program = PROGRAMS.get((text or "").strip().lower())
    if program is None:
        raise ValidationError(_("The programme is “posilek” or “fead”."), code="invalid")
    return program
