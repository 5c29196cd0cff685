"""Reads of the base: the audit trail, filtered as the API and the page ask."""

from django.db.models import QuerySet

from config.models import AuditEvent

FILTERS = ("action", "object_type", "object_id")


def audit_events(params) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    for name in FILTERS:
        value = (params.get(name) or "").strip()[:64]
        if value:
            events = events.filter(**{name: value})
    actor = (params.get("actor") or "").strip()[:150]
    if actor:
        events = events.filter(actor__username=actor)
    # No stored value holds a NUL byte, and PostgreSQL refuses one in a query: nothing matches.
    if any("\x00" in (params.get(name) or "") for name in (*FILTERS, "actor")):
        return events.none()
    return events
