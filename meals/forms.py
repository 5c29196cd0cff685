from django import forms
from django.utils.translation import gettext_lazy as _


class DayPlanForm(forms.Form):
    """The coordinator's plan for a day, on the day page."""

    menu = forms.CharField(label=_("Menu"), max_length=500, required=False)
    portions_planned = forms.IntegerField(label=_("Portions planned"), min_value=0, max_value=100_000, required=False)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
