"""Writing the audit trail, and the one sanctioned rewrite of it: erasing a person's values."""

import contextlib
from collections.abc import Iterable
from contextvars import ContextVar

from django.db import models
from django.db.models import Q

from config.models import AuditEvent

REDACTED = "[anonymised]"
_source: ContextVar[str] = ContextVar("audit_source", default="")


@contextlib.contextmanager
def audit_source(text: str):
    """Every event recorded inside the block says where the change came from ("import x.csv, row 7")."""
    token = _source.set(text[:200])
    try:
        yield
    finally:
        _source.reset(token)


def audit_record(
    *, actor, action: str, obj: models.Model, before: dict | None = None, after: dict | None = None
) -> AuditEvent:
    """Append one event to the audit trail; call it inside the transaction of the change it records."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before,
        after=after,
        source=_source.get(),
    )


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
            "source": event.source,
        }
        for event in events
    ]
