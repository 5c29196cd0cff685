"""Import rows of decisions and referrals: match each person, then create or update through the
residents' and entitlements' services (their rules, their audit events).

A dry run is the same work rolled back at the end, so it shows exactly what applying would do.
Rows in error change nothing; the others are applied in one transaction; a file imported twice
changes nothing the second time. Imports run one at a time (a lock), so two uploads of one file
never register a person twice.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from beneficiaries.imports.reading import SourceRow
from beneficiaries.imports.rows import COLUMN_OF, ImportRow, parse_row
from beneficiaries.models import RESIDENT_FIELDS, Entitlement, Resident
from beneficiaries.services.entitlements import entitlement_create, entitlement_update_period
from beneficiaries.services.residents import resident_create, resident_update
from beneficiaries.validators import pesel_birth_date
from config.audit import audit_source
from config.text import fold

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTIONS = (CREATE, UPDATE, UNCHANGED, ERROR)
IMPORT_LOCK = 0x1_2_0_1  # pg_advisory_xact_lock key: one import at a time
PROGRESS_EVERY = 100


@dataclass
class RowOutcome:
    row: int
    action: str
    resident: int | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)  # what an update changes: fields, "entitlement"
    possible_duplicates: list[int] = field(default_factory=list)  # for a new person, as on the form


@dataclass
class ImportResult:
    dry_run: bool
    rows: list[RowOutcome]

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for outcome in self.rows:
            counts[outcome.action] += 1
        return counts


def import_rows(
    *,
    rows: list[SourceRow],
    file_name: str,
    by,
    dry_run: bool,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Check (``dry_run``) or apply the rows; ``progress(done, total)`` is called every few rows."""
    parsed = [parse_row(row) for row in rows]
    outcomes = []
    with transaction.atomic():
        _lock_imports()
        register = Register.for_rows(parsed)
        for done, row in enumerate(parsed, start=1):
            outcomes.append(_import_row(row, by=by, source=f"import {file_name}, row {row.line}", register=register))
            if progress and (done % PROGRESS_EVERY == 0 or done == len(parsed)):
                progress(done, len(parsed))
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:  # the people a dry run "created" were rolled back: no id to show
        for outcome in outcomes:
            if outcome.action == CREATE:
                outcome.resident = None
    return ImportResult(dry_run=dry_run, rows=outcomes)


def _lock_imports():
    """PostgreSQL: wait for any other import to finish (SQLite lets one writer in at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def _import_row(row: ImportRow, *, by, source: str, register: "Register") -> RowOutcome:
    if row.errors:
        return RowOutcome(row=row.line, action=ERROR, errors=row.errors)
    try:
        with transaction.atomic(), audit_source(source):
            outcome, resident = _apply(row, by=by, register=register)
    except ValidationError as error:
        return RowOutcome(row=row.line, action=ERROR, errors=_by_column(error))
    register.remember(resident)
    return outcome


def _apply(row: ImportRow, *, by, register: "Register") -> tuple[RowOutcome, Resident]:
    resident = register.match(row)
    if resident is None:
        resident, duplicates = resident_create(by=by, **row.resident)
        resident.imported_entitlements = [entitlement_create(resident=resident, by=by, **row.entitlement)]
        outcome = RowOutcome(row.line, CREATE, resident.pk, possible_duplicates=[d.pk for d in duplicates])
        return outcome, resident
    news = _news(row.resident, resident)
    updated = resident
    if any(getattr(resident, name) != value for name, value in news.items()):  # else nothing to ask the service
        updated = resident_update(resident=resident, by=by, **news)
        updated.imported_entitlements = resident.imported_entitlements
    changes = [name for name in RESIDENT_FIELDS if getattr(updated, name) != getattr(resident, name)]
    if _sync_entitlement(updated, row.entitlement, by=by):
        changes.append("entitlement")
    return RowOutcome(row.line, UPDATE if changes else UNCHANGED, updated.pk, changes=changes), updated


def _news(values: dict, resident: Resident) -> dict:
    """The row's values for an update: names that only differ in case, Polish letters or order stay as recorded."""
    names = ("first_name", "last_name")
    if _identity_keys(values.get("last_name"), values.get("first_name"), None)[0] in _identity_keys(
        resident.last_name, resident.first_name, None
    ):
        return {name: value for name, value in values.items() if name not in names}
    return values


def _sync_entitlement(resident: Resident, values: dict, *, by) -> bool:
    """Record the decision, or bring its period and weekdays up to date; True when anything changed."""
    key = (values["program"], values["document_number"].strip())
    existing = next((e for e in resident.imported_entitlements if (e.program, e.document_number) == key), None)
    if existing is None:
        resident.imported_entitlements.append(entitlement_create(resident=resident, by=by, **values))
        return True
    period = {name: values[name] for name in ("valid_from", "valid_to", "weekdays")}
    if (existing.valid_from, existing.valid_to, existing.weekday_list) == tuple(period.values()):
        return False
    updated = entitlement_update_period(entitlement=existing, by=by, **period)
    if (updated.valid_from, updated.valid_to, updated.weekdays) == (
        existing.valid_from,
        existing.valid_to,
        existing.weekdays,
    ):
        return False
    resident.imported_entitlements[resident.imported_entitlements.index(existing)] = updated
    return True


def _by_column(error: ValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {"": error.messages}
    return {COLUMN_OF.get(name, name): messages for name, messages in error.message_dict.items()}


# --- Matching -----------------------------------------------------------------------------------


class Register:
    """The residents the file may name, read in two queries, and kept up to date as rows apply.

    A person is matched by PESEL, else by names (folded, either order) and birth date.
    """

    def __init__(self, residents: list[Resident], entitlements: list[Entitlement]):
        self.by_pesel: dict[str, Resident] = {}
        self.by_identity: dict[tuple, dict[int, Resident]] = {}
        held: dict[int, list[Entitlement]] = {}
        for entitlement in entitlements:
            held.setdefault(entitlement.resident_id, []).append(entitlement)
        for resident in residents:
            resident.imported_entitlements = held.get(resident.pk, [])
            self.remember(resident)

    @classmethod
    def for_rows(cls, rows: list[ImportRow]) -> "Register":
        pesels = {row.resident["pesel"] for row in rows if row.resident.get("pesel")}
        birth_dates = {_birth_date(row) for row in rows} - {None}
        residents = list(
            Resident.objects.filter(anonymised_at__isnull=True).filter(
                Q(pesel__in=pesels) | Q(birth_date__in=birth_dates)
            )
        )
        entitlements = list(Entitlement.objects.filter(resident_id__in=[r.pk for r in residents]).order_by("pk"))
        return cls(residents, entitlements)

    def remember(self, resident: Resident):
        if resident.pesel:
            self.by_pesel[resident.pesel] = resident
        for key in _identity_keys(resident.last_name, resident.first_name, resident.birth_date):
            self.by_identity.setdefault(key, {})[resident.pk] = resident

    def match(self, row: ImportRow) -> Resident | None:
        """The person the row names; None for someone new. Several namesakes without PESEL: an error."""
        pesel = row.resident.get("pesel")
        if pesel and pesel in self.by_pesel:
            return self.by_pesel[pesel]
        key = _identity_keys(row.resident.get("last_name"), row.resident.get("first_name"), _birth_date(row))[0]
        candidates = list(self.by_identity.get(key, {}).values())
        if pesel:  # someone with another PESEL is someone else (the duplicate warning still names them)
            candidates = [resident for resident in candidates if not resident.pesel]
        if len(candidates) > 1:
            message = _("Several residents have these names and this birth date: add the PESEL to tell them apart.")
            raise ValidationError({"pesel": [message]}, code="ambiguous")
        return candidates[0] if candidates else None


def _birth_date(row: ImportRow) -> datetime.date | None:
    pesel = row.resident.get("pesel")
    return pesel_birth_date(pesel) if pesel else row.resident.get("birth_date")


def _identity_keys(last_name, first_name, birth_date) -> list[tuple]:
    last, first = fold(last_name or ""), fold(first_name or "")
    return [(last, first, birth_date), (first, last, birth_date)]
