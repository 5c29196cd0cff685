from django import template

from meals.models import IssueSource

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``{{ served_by|get_item:row.resident_id }}``: a dict look-up in a template."""
    return mapping.get(key, "") if mapping else ""


@register.filter
def issue_source_label(code: str) -> str:
    """'offline' -> 'kolejka offline': how an issue was recorded, as the coordinator reads it."""
    return str(dict(IssueSource.choices).get(code, code))
