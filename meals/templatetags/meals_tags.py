from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``{{ served_by|get_item:row.resident_id }}``: a dict look-up in a template."""
    return mapping.get(key, "") if mapping else ""
