"""Writing the audit trail (one row at a time, or with the row it records: :func:`audited_insert`), and the one
sanctioned rewrite of it: erasing a person's values."""

import contextlib
from collections.abc import Iterable
from contextvars import ContextVar
from functools import cache

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    "meal.offline_pack": _("day's meal list taken onto a counter device"),
    "meal.offline_conflict": _("meal served offline refused (already served)"),
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
    "import.request": _("file of decisions imported or checked"),
    "resident.list_read": _("residents list read"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def audit_event(
    *, actor, action: str, obj: models.Model | type[models.Model], before: dict | None = None, after: dict | None = None
) -> AuditEvent:
    """The event recording ``action`` on ``obj``, not yet saved: the one place an event's shape is decided.

    ``obj`` is a row, or a model for an event about many of its rows (a bulk read: no object id).
    """
    return AuditEvent(
        at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id="" if isinstance(obj, type) else str(obj.pk),
        before=before,
        after=after,
        source=_source.get(),
    )


def audit_record(
    *, actor, action: str, obj: models.Model | type[models.Model], before: dict | None = None, after: dict | None = None
) -> AuditEvent:
    """Append one event to the audit trail; call it inside the transaction of the change it records."""
    event = audit_event(actor=actor, action=action, obj=obj, before=before, after=after)
    event.save()
    return event


def audited_insert(obj: models.Model, *, event: AuditEvent) -> int | None:
    """Insert ``obj`` and append ``event`` about it; the new id, or None when a unique rule refused the row.

    For the hot writes (a meal check-in, a workshop sign-up; measured in bench/README.md): a
    refusal by a unique rule is an answer, not an error: ``INSERT ... ON CONFLICT DO NOTHING``
    needs no savepoint and raises nothing, and a refused row gets no event. The event is the
    one :func:`audit_record` would write, its object_id the new row's id. PostgreSQL runs both
    INSERTs as one statement (a data-modifying CTE: one round trip); SQLite, which has no such
    CTE, runs the same two in a transaction.
    """
    values = [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in _columns(type(obj))]
    params = [field.get_db_prep_save(getattr(event, field.attname), connection) for field in _EVENT_PARAMS]
    if connection.vendor == "postgresql":
        obj.pk = _fetch_id(_insert_with_event_sql(type(obj)), values + params)
        return obj.pk
    with transaction.atomic():
        obj.pk = _fetch_id(_insert_sql(type(obj)), values)
        if obj.pk is not None:
            _fetch_id(_event_sql("(SELECT %s AS id) AS new_row"), [*params, obj.pk])
    return obj.pk


def _fetch_id(sql: str, params: list) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone() if cursor.description else None
    return row[0] if row else None


def _columns(model: type[models.Model]) -> list:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


@cache
def _insert_sql(model: type[models.Model]) -> str:
    q = connection.ops.quote_name
    fields = _columns(model)
    return (
        f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(field.column) for field in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))}) ON CONFLICT DO NOTHING RETURNING id"
    )


@cache
def _insert_with_event_sql(model: type[models.Model]) -> str:
    return f"WITH new_row AS ({_insert_sql(model)}), audit AS ({_event_sql('new_row')}) SELECT id FROM new_row"  # noqa: S608


@cache
def _event_sql(rows: str) -> str:
    """Appends the event once for each row of ``rows`` (with an ``id``): object_id is that id, the rest parameters."""
    q = connection.ops.quote_name
    fields = _columns(AuditEvent)
    columns = ", ".join(q(field.column) for field in fields)
    values = ", ".join("CAST(new_row.id AS text)" if field.name == "object_id" else "%s" for field in fields)
    return f"INSERT INTO {q(AuditEvent._meta.db_table)} ({columns}) SELECT {values} FROM {rows}"  # noqa: S608


_EVENT_PARAMS = [field for field in _columns(AuditEvent) if field.name != "object_id"]


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
