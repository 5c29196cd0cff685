"""Templates ask the role rules of config.roles the way views do: ``{% if user|may:"audit.read" %}``."""

from django import template

from config import roles

register = template.Library()


@register.filter
def may(user, capability: str) -> bool:
    return roles.may(user, capability)
