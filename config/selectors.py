"""Reads of the base: the audit trail, filtered as the API and the page ask."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from config.audit import action_label
from config.dates import day_bounds
from config.models import AuditEvent
from config.text import staff_name

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


def audit_events_for_page(filters: dict) -> QuerySet[AuditEvent]:
    """The events the audit page's filters (``AuditFilterForm.cleaned_data``) select, newest first."""
    events = AuditEvent.objects.select_related("actor")
    if filters.get("actor"):
        events = events.filter(actor=filters["actor"])
    for name in ("action", "object_type", "object_id"):
        if filters.get(name):
            events = events.filter(**{name: filters[name]})
    if filters.get("date_from"):
        events = events.filter(at__gte=day_bounds(filters["date_from"])[0])
    if filters.get("date_to"):
        events = events.filter(at__lt=day_bounds(filters["date_to"])[1])
    return events


# --- The audit page: events as sentences ------------------------------------------------------


@dataclass(frozen=True)
class AuditChange:
    field: str
    before: str | None  # None: the value was set by this event (nothing before)
    after: str


@dataclass(frozen=True)
class AuditLine:
    at: datetime.datetime
    who: str
    action: str
    subject: str
    changes: list[AuditChange]
    source: str = ""  # e.g. "import decyzje.csv, row 7"


def audit_lines(events: list[AuditEvent]) -> list[AuditLine]:
    """The events of one page as a coordinator reads them: names, not ids; "field: before → after".

    One query per object type on the page, whatever the number of events.
    """
    names = _subject_names(events)
    return [
        AuditLine(
            at=event.at,
            who=staff_name(event.actor) if event.actor else "—",
            action=action_label(event.action),
            subject=names.get((event.object_type, event.object_id), f"{event.object_type} #{event.object_id}"),
            changes=_changes(_model(event.object_type), event.before, event.after),
            source=event.source,
        )
        for event in events
    ]


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _subject_names(events: list[AuditEvent]) -> dict[tuple[str, str], str]:
    ids_by_type = defaultdict(set)
    for event in events:
        ids_by_type[event.object_type].add(event.object_id)
    names = {}
    for object_type, ids in ids_by_type.items():
        model = _model(object_type)
        if model is None:
            continue
        pks = [pk for pk in ids if pk.isdigit()]
        for obj in model._default_manager.filter(pk__in=pks).select_related():
            names[(object_type, str(obj.pk))] = _subject_name(obj)
    return names


def _subject_name(obj) -> str:
    """``str(obj)``, with the person it concerns in front when it does not say (a decision, a document)."""
    name = str(obj)
    resident = getattr(obj, "resident", None) if _has_field(type(obj), "resident") else None
    if resident is not None and str(resident) not in name:
        name = f"{resident} · {name}"
    return name


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def _changes(model, before: dict | None, after: dict | None) -> list[AuditChange]:
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    changes = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if key in before and old == new:
            continue
        changes.append(
            AuditChange(
                field=_field_label(model, key),
                before=_shown(model, key, old) if key in before else None,
                after=_shown(model, key, new),
            )
        )
    return changes


def _field(model, key: str):
    try:
        return model._meta.get_field(key) if model is not None else None
    except FieldDoesNotExist:
        return None


def _field_label(model, key: str) -> str:
    field = _field(model, key)
    return str(getattr(field, "verbose_name", key))


def _shown(model, key: str, value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(_shown(model, key, item) for item in value)
    choices = dict(getattr(_field(model, key), "flatchoices", None) or ())
    return str(choices.get(value, value))
