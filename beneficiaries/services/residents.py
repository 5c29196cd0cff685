"""Writes about residents: register, edit, print cards, anonymise.

Every function runs in one transaction and records who changed what in the audit trail.
Input is checked here too (not only in the API), so demo data and scripts obey the same rules.
Entitlements are in ``beneficiaries.services.entitlements``, reference tables (streets,
criteria, closure days) in ``beneficiaries.services.reference``.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beneficiaries import validators
from beneficiaries.cards import card_number_for
from beneficiaries.exceptions import already_anonymised, edit_conflict, entitlement_running
from beneficiaries.models import RESIDENT_FIELDS, District, Resident
from beneficiaries.selectors import address_key, has_running_entitlement, resident_possible_duplicates
from beneficiaries.streets import street_district
from config.audit import audit_record
from config.text import fold, person_sort_key

ANONYMOUS_LAST_NAME = "Osoba anonimowa"
BLANK_RESIDENT = {
    "pesel": None,
    "birth_date": None,
    "street": "",
    "building": "",
    "flat": "",
    "postal_code": "",
    "phone": "",
    "diet": [],
    "allergies": "",
    "notes": "",
    "card_number": None,  # released: a scan of the old card finds nobody
    "search_text": "",
    "address_key": "",
    "is_active": False,
}
# The columns computed from the others (``_refresh_derived``), saved after the card number is known.
DERIVED_FIELDS = ["card_number", "search_text", "sort_name", "address_key"]


def resident_create(*, by, **fields) -> tuple[Resident, list[Resident]]:
    """Register a resident; returns it with the residents it may duplicate (saved anyway).

    ``fields`` are those of RESIDENT_FIELDS. A PESEL already registered is refused; a missing
    district is taken from the street register (``other`` when the street is unknown).
    """
    _refuse_unknown_fields(fields)
    values = _clean_resident_values({field: fields.get(field) for field in RESIDENT_FIELDS})
    with transaction.atomic():
        _refuse_taken_pesel(values["pesel"], exclude_id=None)
        duplicates = resident_possible_duplicates(**_identity(values))
        resident = Resident(**values)
        _save_unique(resident)
        resident.card_number = card_number_for(resident.pk)
        _refresh_derived(resident)
        resident.save(update_fields=DERIVED_FIELDS)
        audit_record(actor=by, action="resident.create", obj=resident, after=_snapshot(resident))
    return resident, duplicates


def resident_update(*, resident: Resident, by, version: int | None = None, **fields) -> Resident:
    """Change some fields of a resident. A stale ``version`` (someone saved meanwhile) is refused."""
    _refuse_unknown_fields(fields)
    with transaction.atomic():
        current = Resident.objects.select_for_update().get(pk=resident.pk)
        if version is not None and version != current.version:
            raise edit_conflict(current_version=current.version)
        merged = {field: fields.get(field, getattr(current, field)) for field in RESIDENT_FIELDS}
        if "street" in fields and "district" not in fields and (fields["street"] or "").strip() != current.street:
            merged["district"] = None  # a new street: the district comes from the register again
        if (fields.get("pesel") or "").strip() and "birth_date" not in fields:
            merged["birth_date"] = None  # a new PESEL brings its own birth date
        values = _clean_resident_values(merged)
        changed = [field for field in RESIDENT_FIELDS if values[field] != getattr(current, field)]
        if not changed:
            return current
        _refuse_taken_pesel(values["pesel"], exclude_id=current.pk)
        before = _snapshot(current, changed)
        for field in changed:
            setattr(current, field, values[field])
        current.version += 1
        _refresh_derived(current)
        _save_unique(current)
        audit_record(actor=by, action="resident.update", obj=current, before=before, after=_snapshot(current, changed))
    return current


def resident_cards_print(*, residents: list[Resident], by) -> bytes:
    """The printable cards of ``residents`` (PDF); each print is recorded."""
    from beneficiaries.card_pdf import render_resident_cards

    pdf = render_resident_cards(residents)
    with transaction.atomic():
        for resident in residents:
            audit_record(actor=by, action="resident.card_print", obj=resident, after={"card": resident.card_number})
    return pdf


# Up to this many rows, the first page of the register is a look-up; past it, a bulk read.
LOOKUP_ROWS = 50


def residents_page_read(*, by, page_number: int, rows: int, search: str) -> bool:
    """A page of the register past the first (or longer than one) is a bulk read: recorded (docs/domain.md).

    Returns whether it was recorded.
    """
    if page_number <= 1 and rows <= LOOKUP_ROWS:
        return False
    with transaction.atomic():
        after = {"page": page_number, "rows": rows, "search": search}
        audit_record(actor=by, action="resident.list_read", obj=Resident, after=after)
    return True


def resident_anonymise(*, resident_id: int) -> Resident:
    """Blank everything on the resident's row that identifies them and release the card; the district stays.

    Refuses a second time (``already_anonymised``) and while an entitlement is current or starts
    later (``entitlement_running``: the data is needed for the public task, RODO art. 17(3)(b)).
    One step of ``tasks.retention``'s anonymisation, which also asks the other apps about their
    rows and records the event.
    """
    with transaction.atomic():
        current = Resident.objects.select_for_update().get(pk=resident_id)
        if current.anonymised_at is not None:
            raise already_anonymised()
        if has_running_entitlement(resident_id=current.pk, today=timezone.localdate()):
            raise entitlement_running()
        for field, value in {**BLANK_RESIDENT, "first_name": f"#{current.pk}"}.items():
            setattr(current, field, value)
        current.last_name = ANONYMOUS_LAST_NAME
        current.sort_name = person_sort_key(current.last_name, current.first_name)
        current.anonymised_at = timezone.now()
        current.version += 1
        current.save()
    return current


def _refuse_unknown_fields(fields: dict):
    unknown = set(fields) - set(RESIDENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown resident fields: {', '.join(sorted(unknown))}")


def _clean_resident_values(values: dict) -> dict:
    """Checked and normalised values; raises ValidationError keyed by field."""
    errors = {}
    for field, cleaner in _CLEANERS.items():
        try:
            values[field] = cleaner(values.get(field))
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)
    values["birth_date"] = validators.reconcile_birth_date(pesel=values["pesel"], birth_date=values["birth_date"])
    if not values["district"]:
        values["district"] = street_district(values["street"]) or District.OTHER
    return values


def _required_name(value) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("This field is required."))
    if len(value) > 100:
        raise ValidationError(_("At most 100 characters."))
    return value


def _text(max_length: int | None):
    def clean(value) -> str:
        value = (value or "").strip()
        if max_length is not None and len(value) > max_length:
            raise ValidationError(_("At most %(n)d characters.") % {"n": max_length})
        return value

    return clean


def _district(value) -> str | None:
    if value in (None, ""):
        return None
    if value not in District.values:
        raise ValidationError(_("Unknown district."))
    return value


_CLEANERS = {
    "first_name": _required_name,
    "last_name": _required_name,
    "pesel": validators.clean_pesel,
    "birth_date": validators.clean_birth_date,
    "street": _text(100),
    "building": _text(20),
    "flat": _text(20),
    "postal_code": validators.clean_postal_code,
    "district": _district,
    "phone": _text(32),
    "diet": validators.clean_diet,
    "allergies": _text(None),
    "notes": _text(None),
    "homeless": lambda value: bool(value),
    "is_active": lambda value: True if value is None else bool(value),
}


def _refuse_taken_pesel(pesel: str | None, *, exclude_id: int | None):
    if pesel and Resident.objects.filter(pesel=pesel).exclude(pk=exclude_id).exists():
        raise ValidationError({"pesel": [_("A resident with this PESEL is already registered.")]}, code="unique")


def _save_unique(resident: Resident):
    """Save; a PESEL taken by a concurrent request meanwhile is the same refusal as above."""
    try:
        with transaction.atomic():
            resident.save()
    except IntegrityError:
        raise ValidationError({"pesel": [_("A resident with this PESEL is already registered.")]}, code="unique")


def _refresh_derived(resident: Resident):
    """The folded columns search and the duplicate check use, and the key lists are sorted by."""
    resident.search_text = fold(
        f"{resident.last_name} {resident.first_name} {resident.card_number or ''} {resident.pesel or ''}"
    )[:300]
    resident.sort_name = person_sort_key(resident.last_name, resident.first_name)[:400]
    resident.address_key = address_key(street=resident.street, building=resident.building, flat=resident.flat)


def _identity(values: dict) -> dict:
    keys = ("first_name", "last_name", "birth_date", "street", "building", "flat")
    return {key: values[key] for key in keys}


def _snapshot(resident: Resident, fields=RESIDENT_FIELDS) -> dict:
    return {field: getattr(resident, field) for field in fields}
