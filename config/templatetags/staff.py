"""Staff members named on the pages as on paper (config.text.staff_name): ``{{ user|staff_name }}``."""

from django import template

from config import text

register = template.Library()


@register.filter
def staff_name(user) -> str:
    return text.staff_name(user) if user else ""
