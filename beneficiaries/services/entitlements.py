"""Writes about entitlements: record a decision or referral, suspend, resume (each audited), anonymise."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from beneficiaries import validators
from beneficiaries.income import check_income
from beneficiaries.models import Entitlement, EntitlementStatus, Funding, Program, Resident
from config.audit import audit_record


def entitlement_create(
    *,
    resident: Resident,
    by,
    program: str,
    valid_from: datetime.date,
    valid_to: datetime.date,
    document_number: str,
    weekdays=(1, 2, 3, 4, 5),
    household_size: int | None = None,
    monthly_income: Decimal | None = None,
    funding: str = Funding.PROGRAMME,
) -> Entitlement:
    """Record a decision (hot meal) or referral (FEAD); applies the income test when income is given.

    Under ``own_funds`` the test's limit is recorded, not enforced (``Entitlement.income_test``).
    """
    document_number = (document_number or "").strip()
    valid_from, valid_to = validators.as_date(valid_from), validators.as_date(valid_to)
    _check_entitlement(program, funding, valid_from, valid_to, document_number)
    weekdays_text = validators.weekdays_to_text(list(weekdays))
    if monthly_income is not None:
        monthly_income = Decimal(str(monthly_income))  # never a float
    limit = check_income(
        program=program, funding=funding, household_size=household_size, monthly_income=monthly_income, on=valid_from
    )
    with transaction.atomic():
        entitlement = Entitlement.objects.create(
            resident=resident,
            program=program,
            valid_from=valid_from,
            valid_to=valid_to,
            document_number=document_number,
            weekdays=weekdays_text,
            household_size=household_size,
            monthly_income=monthly_income,
            funding=funding,
            income_limit=limit,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        audit_record(actor=by, action="entitlement.create", obj=entitlement, after=_entitlement_snapshot(entitlement))
    return entitlement


def entitlement_update_period(
    *, entitlement: Entitlement, by, valid_from: datetime.date, valid_to: datetime.date, weekdays
) -> Entitlement:
    """Change the period and weekdays of a decision (e.g. the case system extended it); audited.

    The programme, number, funding and income stay: they are what the decision is.
    """
    valid_from, valid_to = validators.as_date(valid_from), validators.as_date(valid_to)
    _check_entitlement(entitlement.program, entitlement.funding, valid_from, valid_to, entitlement.document_number)
    values = {"valid_from": valid_from, "valid_to": valid_to, "weekdays": validators.weekdays_to_text(list(weekdays))}
    with transaction.atomic():
        current = Entitlement.objects.select_for_update().get(pk=entitlement.pk)
        changed = {field: value for field, value in values.items() if getattr(current, field) != value}
        if not changed:
            return current
        before = {field: getattr(current, field) for field in changed}
        for field, value in changed.items():
            setattr(current, field, value)
        current.save(update_fields=list(changed))
        audit_record(actor=by, action="entitlement.update", obj=current, before=before, after=changed)
    return current


def _check_entitlement(program, funding, valid_from, valid_to, document_number):
    errors = {}
    if program not in Program.values:
        errors["program"] = [_("Unknown programme.")]
    if funding not in Funding.values:
        errors["funding"] = [_("Unknown funding.")]
    if valid_from is None:
        errors["valid_from"] = [_("This field is required.")]
    elif valid_to is None:
        errors["valid_to"] = [_("This field is required.")]
    elif valid_to < valid_from:
        errors["valid_to"] = [_("The end date cannot be before the start date.")]
    if not document_number:
        errors["document_number"] = [_("This field is required.")]
    elif len(document_number) > 64:
        errors["document_number"] = [_("At most %(n)d characters.") % {"n": 64}]
    if errors:
        raise ValidationError(errors)


def entitlement_suspend(*, entitlement: Entitlement, by) -> Entitlement:
    return _entitlement_set_status(entitlement, EntitlementStatus.SUSPENDED, by=by, action="entitlement.suspend")


def entitlement_resume(*, entitlement: Entitlement, by) -> Entitlement:
    return _entitlement_set_status(entitlement, EntitlementStatus.ACTIVE, by=by, action="entitlement.resume")


def _entitlement_set_status(entitlement: Entitlement, status: str, *, by, action: str) -> Entitlement:
    """Idempotent: suspending a suspended entitlement changes and records nothing."""
    with transaction.atomic():
        current = Entitlement.objects.select_for_update().select_related("resident").get(pk=entitlement.pk)
        if current.status == status:
            return current
        before = {"status": current.status}
        current.status = status
        current.save(update_fields=["status"])
        audit_record(actor=by, action=action, obj=current, before=before, after={"status": status})
    return current


def entitlements_anonymise_for_resident(*, resident_id: int) -> int:
    """Blank decision numbers and income on the resident's entitlements; the periods stay for the counts.

    Returns how many entitlements stay.
    """
    return Entitlement.objects.filter(resident_id=resident_id).update(
        document_number="", household_size=None, monthly_income=None, income_limit=None
    )


def _entitlement_snapshot(entitlement: Entitlement) -> dict:
    fields = ("resident_id", "program", "valid_from", "valid_to", "document_number", "weekdays", "status")
    snapshot = {field: getattr(entitlement, field) for field in fields}
    snapshot.update(
        funding=entitlement.funding,
        household_size=entitlement.household_size,
        monthly_income=entitlement.monthly_income,
        income_limit=entitlement.income_limit,
    )
    return snapshot
