import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from config.fields import DayFormField


class DayPlanForm(forms.Form):
    """The coordinator's plan for a day, on the day page."""

    menu = forms.CharField(label=_("Menu"), max_length=500, required=False)
    portions_planned = forms.IntegerField(label=_("Portions planned"), min_value=0, max_value=100_000, required=False)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MealPriceForm(forms.Form):
    """A new price of one meal, in force from a date (meals.services.meal_price_create checks the rest)."""

    valid_from = DayFormField(label=_("In force from"))  # the API's range (1900-2999), as DayField
    price = forms.DecimalField(
        label=_("Price of one meal (zł)"), max_digits=8, decimal_places=2, min_value=Decimal("0.01"), localize=True
    )


class PaperListForm(forms.Form):
    """The ticks of a signed paper list: who of ``residents`` (the day's roster, not yet served) got a meal."""

    at = forms.TimeField(
        label=_("Time of serving"), initial=datetime.time(12, 0), widget=forms.TimeInput(attrs={"type": "time"})
    )
    residents = forms.TypedMultipleChoiceField(
        label=_("Ticked on the list"), coerce=int, widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, resident_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residents"].choices = [(resident_id, resident_id) for resident_id in resident_ids]
