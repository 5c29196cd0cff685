"""Writes of the reference data coordinators keep: street register, closure days, income tables.

Each change is checked, saved in one transaction and recorded in the audit trail.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from beneficiaries.models import ClosureDay, District, IncomeCriterion, Program, ProgramIncomePercentage, Street
from beneficiaries.streets import fold_street
from config.audit import audit_record


def _save(obj: models.Model, *, by, fields: dict, duplicate_field: str, duplicate_message: str):
    """Apply ``fields`` to ``obj`` (new or existing), save and audit; a clash is a field error."""
    creating = obj.pk is None
    before = None if creating else {field: getattr(obj, field) for field in fields}
    for field, value in fields.items():
        setattr(obj, field, value)
    try:
        with transaction.atomic():
            obj.save()
            action = f"{obj._meta.model_name}.{'create' if creating else 'update'}"
            audit_record(actor=by, action=action, obj=obj, before=before, after=fields)
    except IntegrityError:
        raise ValidationError({duplicate_field: [duplicate_message]}, code="unique")
    return obj


def reference_delete(*, obj: models.Model, by):
    """Remove a street, closure day or table row (recorded with what it was)."""
    with transaction.atomic():
        before = {field.name: field.value_from_object(obj) for field in obj._meta.concrete_fields}
        audit_record(actor=by, action=f"{obj._meta.model_name}.delete", obj=obj, before=before)
        obj.delete()


# --- Street register ----------------------------------------------------------------------------


def street_save(*, by, name: str, district: str, street: Street | None = None) -> Street:
    name = " ".join((name or "").split())
    folded = fold_street(name)
    if not folded or len(name) > 100:
        raise ValidationError({"name": [_("Enter a street name of at most 100 characters.")]})
    if district not in District.values:
        raise ValidationError({"district": [_("Unknown district.")]})
    return _save(
        street or Street(),
        by=by,
        fields={"name": name, "name_folded": folded, "district": district},
        duplicate_field="name",
        duplicate_message=_("This street is already in the register."),
    )


# --- Closure days ------------------------------------------------------------------------------


def closure_day_save(*, by, date: datetime.date, reason: str = "", closure_day: ClosureDay | None = None) -> ClosureDay:
    """The meal point is closed on ``date`` (besides weekends and public holidays)."""
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise ValidationError({"reason": [_("At most %(n)d characters.") % {"n": 200}]})
    obj = closure_day or ClosureDay(created_by=by if getattr(by, "is_authenticated", False) else None)
    return _save(
        obj,
        by=by,
        fields={"date": date, "reason": reason},
        duplicate_field="date",
        duplicate_message=_("This day is already marked as closed."),
    )


# --- Income tables ------------------------------------------------------------------------------


def _positive(value: Decimal, field: str):
    if value is None or value <= 0:
        raise ValidationError({field: [_("Enter an amount greater than zero.")]})


def income_criterion_save(
    *,
    by,
    valid_from: datetime.date,
    single_person: Decimal,
    per_person: Decimal,
    criterion: IncomeCriterion | None = None,
) -> IncomeCriterion:
    _positive(single_person, "single_person")
    _positive(per_person, "per_person")
    return _save(
        criterion or IncomeCriterion(),
        by=by,
        fields={"valid_from": valid_from, "single_person": single_person, "per_person": per_person},
        duplicate_field="valid_from",
        duplicate_message=_("A criterion in force from this date already exists."),
    )


def program_percentage_save(
    *,
    by,
    program: str,
    valid_from: datetime.date,
    percent: Decimal,
    percentage: ProgramIncomePercentage | None = None,
) -> ProgramIncomePercentage:
    if program not in Program.values:
        raise ValidationError({"program": [_("Unknown programme.")]})
    _positive(percent, "percent")
    return _save(
        percentage or ProgramIncomePercentage(),
        by=by,
        fields={"program": program, "valid_from": valid_from, "percent": percent},
        duplicate_field="valid_from",
        duplicate_message=_("This programme already has a percentage from this date."),
    )
