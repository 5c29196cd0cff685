"""Data is kept only while needed (DOMAIN.md "Data protection"; RODO art. 5, 15 and 17).

- :func:`residents_due_for_anonymisation`: whose last entitlement ended more than
  ``settings.RETENTION_DAYS`` ago (or, never entitled, who was registered that long ago);
- :func:`resident_anonymise`: names, PESEL, address, contact and health data go; the rows
  that make up the counts (entitlement periods, meal issues, sign-ups, district) stay,
  linked to the anonymised resident. Personal values recorded earlier in the audit trail
  about this person are blanked too, so nothing identifies them any more;
- :func:`residents_anonymise_due`: the nightly job (tasks.tasks.residents_anonymise_due);
- :func:`resident_export`: everything held about one person (the right of access).
"""

import datetime
import logging

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import status

from beneficiaries.models import Resident
from beneficiaries.services.residents import RESIDENT_FIELDS
from config.audit import audit_record
from config.dates import day_bounds
from config.exceptions import DomainError
from config.models import AuditEvent

logger = logging.getLogger(__name__)

ANONYMOUS_LAST_NAME = "Osoba anonimowa"
REDACTED = "[anonymised]"

# Values that identify a person or describe their health or income, wherever they are stored.
PERSONAL_KEYS = frozenset(
    {
        "first_name",
        "last_name",
        "pesel",
        "birth_date",
        "street",
        "building",
        "flat",
        "postal_code",
        "phone",
        "diet",
        "allergies",
        "notes",
        "collected_by",
        "document_number",
        "household_size",
        "monthly_income",
    }
)
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
    "search_text": "",
    "address_key": "",
    "is_active": False,
}


class AlreadyAnonymised(DomainError):
    def __init__(self):
        super().__init__(
            "already_anonymised", _("This person's data was already anonymised."), status_code=status.HTTP_409_CONFLICT
        )


# --- Selectors --------------------------------------------------------------------------------


def retention_cutoff(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=settings.RETENTION_DAYS)


def residents_due_for_anonymisation(*, today: datetime.date) -> QuerySet[Resident]:
    """Residents not yet anonymised whose data is past retention on ``today`` (one query)."""
    cutoff = retention_cutoff(today)
    return (
        Resident.objects.filter(anonymised_at__isnull=True)
        .annotate(last_entitlement_end=Max("entitlements__valid_to"))
        .filter(
            Q(last_entitlement_end__lt=cutoff)
            | Q(last_entitlement_end__isnull=True, created_at__lt=day_bounds(cutoff)[0])
        )
        .order_by("pk")
    )


# --- Services ---------------------------------------------------------------------------------


def resident_anonymise(*, resident: Resident, by, reason: str = "request") -> Resident:
    """Remove everything that identifies ``resident``; counts survive. Refuses a second time."""
    with transaction.atomic():
        current = Resident.objects.select_for_update().get(pk=resident.pk)
        if current.anonymised_at is not None:
            raise AlreadyAnonymised()
        for field, value in {**BLANK_RESIDENT, "first_name": f"#{current.pk}"}.items():
            setattr(current, field, value)
        current.last_name = ANONYMOUS_LAST_NAME
        current.anonymised_at = timezone.now()
        current.version += 1
        current.save()
        kept = _blank_related_rows(current)
        redacted = _redact_audit_trail(current)
        audit_record(
            actor=by,
            action="resident.anonymise",
            obj=current,
            before={"anonymised_at": None},
            after={"reason": reason, **kept, "audit_events_redacted": redacted},
        )
    return current


def _blank_related_rows(resident: Resident) -> dict[str, int]:
    """Clear personal values on the rows that stay (for the counts); returns how many rows stay."""
    entitlements = resident.entitlements.update(document_number="", household_size=None, monthly_income=None)
    meal_issues = resident.meal_issues.update(collected_by="")
    return {"entitlements": entitlements, "meal_issues": meal_issues, "signups": resident.workshop_signups.count()}


def _audited_objects(resident: Resident) -> Q:
    """The audit events about ``resident`` and their entitlements, meal issues and sign-ups.

    Meal issues and sign-ups are reached through their reverse relations: beneficiaries does
    not import the apps that depend on it.
    """
    condition = Q(object_type=Resident._meta.label_lower, object_id=str(resident.pk))
    for related in (resident.entitlements, resident.meal_issues, resident.workshop_signups):
        ids = [str(pk) for pk in related.values_list("pk", flat=True)]
        condition |= Q(object_type=related.model._meta.label_lower, object_id__in=ids)
    return condition


def _redact_audit_trail(resident: Resident) -> int:
    """Blank personal values recorded about this person; which fields changed, when and by whom stay.

    The trail is append-only for everyone using the service (the model refuses save/delete);
    this is the one place that rewrites rows, because the law's erasure reaches the trail too.
    """
    redacted = 0
    for event in AuditEvent.objects.filter(_audited_objects(resident)).only("pk", "before", "after"):
        before, after = _redacted(event.before), _redacted(event.after)
        if (before, after) != (event.before, event.after):
            models.QuerySet(AuditEvent).filter(pk=event.pk).update(before=before, after=after)
            redacted += 1
    return redacted


def _redacted(values):
    if not isinstance(values, dict):
        return values
    return {key: REDACTED if _is_personal(key, value) else value for key, value in values.items()}


def _is_personal(key: str, value) -> bool:
    return key in PERSONAL_KEYS and value not in (None, "", [])


def residents_anonymise_due(*, today: datetime.date | None = None) -> int:
    """The nightly job: anonymise everyone past retention, one transaction each; returns how many."""
    today = today or timezone.localdate()
    done = 0
    for resident_id in list(residents_due_for_anonymisation(today=today).values_list("pk", flat=True)):
        try:
            resident_anonymise(resident=Resident(pk=resident_id), by=None, reason="retention")
        except AlreadyAnonymised:  # a coordinator did it meanwhile
            continue
        done += 1
    if done:
        logger.info("Retention: %s resident(s) anonymised", done)
    return done


# --- Right of access --------------------------------------------------------------------------

# Everything a coordinator records about a resident, plus what the system adds.
RESIDENT_EXPORT_FIELDS = ("id", "card_number", *RESIDENT_FIELDS, "created_at", "updated_at", "anonymised_at")
ENTITLEMENT_EXPORT_FIELDS = (
    "id",
    "program",
    "valid_from",
    "valid_to",
    "document_number",
    "weekdays",
    "status",
    "household_size",
    "monthly_income",
    "created_at",
)


def resident_export(*, resident: Resident, by) -> dict:
    """Everything the service holds about one person, as plain JSON-ready data; the export is recorded."""
    data = {
        "exported_at": timezone.now(),
        "resident": {field: getattr(resident, field) for field in RESIDENT_EXPORT_FIELDS},
        "entitlements": list(resident.entitlements.order_by("valid_from", "pk").values(*ENTITLEMENT_EXPORT_FIELDS)),
        "meal_issues": _meal_issues(resident),
        "workshop_signups": _signups(resident),
        "audit_trail": _audit_trail(resident),
    }
    counts = {name: len(data[name]) for name in ("entitlements", "meal_issues", "workshop_signups", "audit_trail")}
    with transaction.atomic():
        audit_record(actor=by, action="resident.export", obj=resident, after=counts)
    return data


def _meal_issues(resident: Resident) -> list[dict]:
    return list(
        resident.meal_issues.order_by("date", "pk").values(
            "id", "date", "issued_at", "takeaway", "collected_by", "voided_at", "void_reason"
        )
    )


def _signups(resident: Resident) -> list[dict]:
    rows = resident.workshop_signups.order_by("created_at", "pk").values(
        "id",
        "session__title",
        "session__topic",
        "session__starts_at",
        "status",
        "waitlist_position",
        "attended",
        "created_at",
        "cancelled_at",
    )
    return [{key.replace("session__", "session_"): value for key, value in row.items()} for row in rows]


def _audit_trail(resident: Resident) -> list[dict]:
    events = AuditEvent.objects.filter(_audited_objects(resident)).select_related("actor").order_by("at", "pk")
    return [
        {
            "at": event.at,
            "actor": event.actor.get_username() if event.actor else None,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "before": event.before,
            "after": event.after,
        }
        for event in events
    ]
