from django import template

from beneficiaries.models import DietTag

register = template.Library()


@register.filter
def diet_labels(codes) -> list[str]:
    """['soft', 'no_pork'] -> ['miękka', 'bez wieprzowiny'] (unknown codes shown as they are)."""
    labels = dict(DietTag.choices)
    return [str(labels.get(code, code)) for code in codes or []]


@register.filter
def get_item(mapping, key):
    """``{{ served_by|get_item:row.resident_id }}``: a dict look-up in a template."""
    return mapping.get(key, "") if mapping else ""
