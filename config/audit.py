"""Writing the audit trail, and the one sanctioned rewrite of it: erasing a person's values."""

from collections.abc import Iterable
from functools import cache

from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.models import AuditEvent

REDACTED = "[anonymised]"

# Every action code that audit_record writes, with the name a coordinator reads on the audit page.
# One table for the whole service (tests/config/test_audit_page.py checks that no code in the
# project is missing from it); an unknown code is shown as it is.
ACTION_LABELS = {
    "resident.create": _("resident registered"),
    "resident.update": _("resident's data changed"),
    "resident.anonymise": _("resident anonymised"),
    "resident.export": _("resident's data exported"),
    "resident.card_print": _("card printed"),
    "entitlement.create": _("decision entered"),
    "entitlement.update": _("decision changed"),
    "entitlement.suspend": _("decision suspended"),
    "entitlement.resume": _("decision resumed"),
    "meal.issue": _("meal issued"),
    "meal.void": _("meal voided"),
    "meal_day.plan": _("day planned"),
    "meal_price.create": _("meal price entered"),
    "workshop_session.create": _("workshop session created"),
    "workshop_session.update": _("workshop session changed"),
    "workshop_session.cancel": _("workshop session cancelled"),
    "signup.create": _("signed up for a workshop"),
    "signup.cancel": _("workshop sign-up cancelled"),
    "signup.promote": _("moved up from the waiting list"),
    "signup.attendance": _("attendance recorded"),
    "document.request": _("printout requested"),
    "document.schedule": _("printout scheduled"),
    "document.download": _("printout downloaded"),
    "document.regenerate": _("printout made again"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def audit_event(
    *, actor, action: str, obj: models.Model, before: dict | None = None, after: dict | None = None
) -> AuditEvent:
    """The event recording ``action`` on ``obj``, not yet saved: the one place an event's shape is decided."""
    return AuditEvent(
        at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before,
        after=after,
    )


def audit_record(
    *, actor, action: str, obj: models.Model, before: dict | None = None, after: dict | None = None
) -> AuditEvent:
    """Append one event to the audit trail; call it inside the transaction of the change it records."""
    event = audit_event(actor=actor, action=action, obj=obj, before=before, after=after)
    event.save()
    return event


def audit_insert_sql(event: AuditEvent, *, rows: str) -> tuple[str, list]:
    """SQL appending ``event`` once for each row of ``rows``, the row's ``id`` as its object_id; and its parameters.

    For a change written in raw SQL (the meal check-in writes the issue and its event in one
    statement, bench/README.md "Fixes the measurements called for"): ``rows`` names a CTE or a subquery with an
    ``id`` column (its own parameters, if any, come after these). The row is the one
    :func:`audit_record` would write for the same arguments.
    """
    columns, values, fields = _insert_parts()
    params = [field.get_db_prep_save(getattr(event, field.attname), connection) for field in fields]
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    return f"INSERT INTO {table} ({columns}) SELECT {values} FROM {rows}", params  # noqa: S608 (names from the model)


@cache
def _insert_parts() -> tuple[str, str, list]:
    """The column list, the SELECT list (object_id from the row's id) and the fields given as parameters."""
    fields = [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    values = ", ".join("CAST(id AS text)" if field.name == "object_id" else "%s" for field in fields)
    return columns, values, [field for field in fields if field.name != "object_id"]


def audit_about(model: type[models.Model], ids: Iterable[int]) -> Q:
    """The events about the rows ``ids`` of ``model`` (combine several with ``|``)."""
    return Q(object_type=model._meta.label_lower, object_id__in=[str(pk) for pk in ids])


def audit_redact(*, about: Q, keys: frozenset[str]) -> int:
    """Blank the values under ``keys`` in the events ``about``; which fields changed, when and by whom stay.

    The trail is append-only for everyone using the service (the model refuses save/delete);
    this is the one place that rewrites rows, because the law's erasure reaches the trail too.
    Returns how many events changed.
    """
    redacted = 0
    for event in AuditEvent.objects.filter(about).only("pk", "before", "after"):
        before, after = _redacted(event.before, keys), _redacted(event.after, keys)
        if (before, after) != (event.before, event.after):
            models.QuerySet(AuditEvent).filter(pk=event.pk).update(before=before, after=after)
            redacted += 1
    return redacted


def _redacted(values, keys: frozenset[str]):
    if not isinstance(values, dict):
        return values
    return {key: REDACTED if key in keys and value not in (None, "", []) else value for key, value in values.items()}


def audit_export(*, about: Q) -> list[dict]:
    """The events ``about``, oldest first, as plain JSON-ready data (the right of access)."""
    events = AuditEvent.objects.filter(about).select_related("actor").order_by("at", "pk")
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
