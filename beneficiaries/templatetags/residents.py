from django import template
from django.utils.translation import gettext as _

from beneficiaries.forms import WEEKDAY_CHOICES
from beneficiaries.models import diet_labels

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


register.filter("diet_labels", diet_labels)
