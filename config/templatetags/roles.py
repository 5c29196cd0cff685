"""Templates ask the role rules of config.roles the way views do: ``{% if user|may:"audit.read" %}``.

Personal fields of one resident: ``{% with hidden=user|hidden_fields:resident %}`` then
``{% if "phone" not in hidden %}``, the same answer the API gives (config.roles.hidden_fields).
"""

from django import template

from config import roles

register = template.Library()


@register.filter
def may(user, capability: str) -> bool:
    return roles.may(user, capability)


@register.filter
def hidden_fields(user, resident) -> frozenset[str]:
    return roles.hidden_fields(user, getattr(resident, "pk", None))
