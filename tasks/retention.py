"""Data is kept only while needed (docs/domain.md#data-protection; RODO art. 5, 15 and 17).

The top of the flow: each app anonymises and exports its own rows, this module asks each in
turn, inside one transaction, and records what happened.

- :func:`data_subject_anonymise`: names, PESEL, address, contact and health data, decision
  numbers, void reasons and the card number go; the rows that make up the counts (entitlement
  periods, meal issues, sign-ups, district) stay, linked to the anonymised resident. Personal
  values recorded earlier in the audit trail about this person are blanked too, and every
  stored document that listed them is made again without them, so nothing identifies them any
  more. Refused while an entitlement is current or starts later (``entitlement_running``);
- :func:`residents_anonymise_due`: the nightly job (tasks.tasks.residents_anonymise_due), for
  everyone past retention (``beneficiaries.selectors.residents_due_for_anonymisation``);
- :func:`data_subject_export`: everything held about one person (the right of access), with
  who issued and voided each meal and every document that lists them.

docs/retention.md says what goes, what stays and when.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from beneficiaries.exceptions import BeneficiaryError
from beneficiaries.models import Resident
from beneficiaries.selectors import (
    RESIDENT_PERSONAL_KEYS,
    entitlements_export_for_resident,
    resident_audit_filter,
    resident_export,
    residents_due_for_anonymisation,
)
from beneficiaries.services.entitlements import entitlements_anonymise_for_resident
from beneficiaries.services.residents import resident_anonymise
from config.audit import audit_about, audit_export, audit_record, audit_redact
from meals.models import MealIssue
from meals.selectors.retention import (
    MEAL_ISSUE_PERSONAL_KEYS,
    meal_issues_audit_filter_for_resident,
    meal_issues_export_for_resident,
)
from meals.services import meal_issues_anonymise_for_resident, void_reasons_naming_scrub
from tasks.selectors import documents_export_for_resident, documents_naming_resident
from tasks.services import documents_regenerate
from workshops.selectors import signups_audit_filter_for_resident, signups_export_for_resident
from workshops.services import signups_anonymise_for_resident

logger = logging.getLogger(__name__)

# Values that identify a person or describe their health or income, wherever they are stored.
PERSONAL_KEYS = RESIDENT_PERSONAL_KEYS | MEAL_ISSUE_PERSONAL_KEYS


def data_subject_anonymise(*, resident: Resident, by, reason: str = "request") -> Resident:
    """Remove everything that identifies ``resident`` in every app; counts survive. Refuses a second time."""
    with transaction.atomic():
        last_name = Resident.objects.filter(pk=resident.pk).values_list("last_name", flat=True).first() or ""
        current = resident_anonymise(resident_id=resident.pk)
        naming = void_reasons_naming_scrub(last_name=last_name)
        audit_redact(about=audit_about(MealIssue, naming), keys=MEAL_ISSUE_PERSONAL_KEYS)
        kept = {
            "entitlements": entitlements_anonymise_for_resident(resident_id=current.pk),
            "meal_issues": meal_issues_anonymise_for_resident(resident_id=current.pk),
            "signups": signups_anonymise_for_resident(resident_id=current.pk),
        }
        redacted = audit_redact(about=_audit_filter(current.pk), keys=PERSONAL_KEYS)
        documents = documents_regenerate(
            documents=documents_naming_resident(resident_id=current.pk), by=by, reason="anonymisation"
        )
        audit_record(
            actor=by,
            action="resident.anonymise",
            obj=current,
            before={"anonymised_at": None},
            after={"reason": reason, **kept, "audit_events_redacted": redacted, "documents_regenerated": documents},
        )
    return current


def _audit_filter(resident_id: int) -> Q:
    """The audit events about the person: their resident row, entitlements, meal issues and sign-ups."""
    return (
        resident_audit_filter(resident_id=resident_id)
        | meal_issues_audit_filter_for_resident(resident_id=resident_id)
        | signups_audit_filter_for_resident(resident_id=resident_id)
    )


def residents_anonymise_due(*, today: datetime.date | None = None) -> int:
    """The nightly job: anonymise everyone past retention, one transaction each; returns how many."""
    today = today or timezone.localdate()
    done = 0
    for resident_id in list(residents_due_for_anonymisation(today=today).values_list("pk", flat=True)):
        try:
            data_subject_anonymise(resident=Resident(pk=resident_id), by=None, reason="retention")
        except BeneficiaryError as refusal:
            if refusal.code not in ("already_anonymised", "entitlement_running"):
                raise
            continue  # a coordinator did it meanwhile, or entered a new decision
        done += 1
    if done:
        logger.info("Retention: %s resident(s) anonymised", done)
    return done


def data_subject_export(*, resident: Resident, by) -> dict:
    """Everything the service holds about one person, as plain JSON-ready data; the export is recorded."""
    data = {
        "exported_at": timezone.now(),
        "resident": resident_export(resident=resident),
        "entitlements": entitlements_export_for_resident(resident_id=resident.pk),
        "meal_issues": meal_issues_export_for_resident(resident_id=resident.pk),
        "workshop_signups": signups_export_for_resident(resident_id=resident.pk),
        "documents": documents_export_for_resident(resident_id=resident.pk),
        "audit_trail": audit_export(about=_audit_filter(resident.pk)),
    }
    lists = ("entitlements", "meal_issues", "workshop_signups", "documents", "audit_trail")
    counts = {name: len(data[name]) for name in lists}
    with transaction.atomic():
        audit_record(actor=by, action="resident.export", obj=resident, after=counts)
    return data
