from django import template
from django.utils.translation import gettext as _

from beneficiaries.forms import WEEKDAY_CHOICES

register = template.Library()


@register.filter
def weekday_names(digits: str) -> str:
    """'12345' -> 'Mon–Fri'; '135' -> 'Mon, Wed, Fri'."""
    names = dict(WEEKDAY_CHOICES)
    if digits == "12345":
        return _("Mon–Fri")
    if digits == "1234567":
        return _("every day")
    return ", ".join(str(names[day]) for day in digits if day in names)


@register.filter
def diet_label(tag: str) -> str:
    """'gluten_free' -> 'gluten free' in the current language."""
    from beneficiaries.models import DietTag

    return str(dict(DietTag.choices).get(tag, tag))
