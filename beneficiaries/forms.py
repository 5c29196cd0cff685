"""Forms of the coordinator pages. They check input; the services decide and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from beneficiaries import validators
from beneficiaries.models import DietTag, District, Funding, Program
from config.fields import DayFormField

WEEKDAY_CHOICES = [
    ("1", _("Mon")),
    ("2", _("Tue")),
    ("3", _("Wed")),
    ("4", _("Thu")),
    ("5", _("Fri")),
    ("6", _("Sat")),
    ("7", _("Sun")),
]


class ResidentForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    pesel = forms.CharField(
        label=_("PESEL"),
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_date = DayFormField(
        label=_("Birth date"), required=False, help_text=_("Taken from the PESEL when left empty.")
    )
    street = forms.CharField(
        label=_("Street"), max_length=100, required=False, widget=forms.TextInput(attrs={"list": "streets"})
    )
    building = forms.CharField(label=_("Building"), max_length=20, required=False)
    flat = forms.CharField(label=_("Flat"), max_length=20, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=6, required=False)
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        choices=[("", _("From the street register"))] + list(District.choices),
    )
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    homeless = forms.BooleanField(
        label=_("In a homelessness crisis"),
        required=False,
        help_text=_("Served by decision without an address in the district; the street may stay empty."),
    )
    diet = forms.MultipleChoiceField(
        label=_("Diet"), required=False, choices=DietTag.choices, widget=forms.CheckboxSelectMultiple
    )
    allergies = forms.CharField(
        label=_("Allergies"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )
    notes = forms.CharField(label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args, hidden: frozenset[str] = frozenset(), **kwargs):
        """``hidden``: the fields the user may not see (config.roles.hidden_fields), left out of the form."""
        super().__init__(*args, **kwargs)
        for name in hidden & set(self.fields):
            del self.fields[name]

    def clean_pesel(self):
        return validators.clean_pesel(self.cleaned_data["pesel"])

    def clean_birth_date(self):
        return validators.clean_birth_date(self.cleaned_data["birth_date"])

    def clean_postal_code(self):
        return validators.clean_postal_code(self.cleaned_data["postal_code"])

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("pesel") and not data.get("birth_date"):
            # Without either, the duplicate check has nothing to go on.
            self.add_error("birth_date", _("Give the PESEL or, when the person has none, the birth date."))
        return data


class ResidentEditForm(ResidentForm):
    is_active = forms.BooleanField(label=_("Active"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)


class EntitlementForm(forms.Form):
    program = forms.ChoiceField(label=_("Programme"), choices=Program.choices, widget=forms.RadioSelect)
    document_number = forms.CharField(label=_("Decision or referral number"), max_length=64)
    valid_from = DayFormField(label=_("Valid from"))
    valid_to = DayFormField(label=_("Valid to (inclusive)"))
    weekdays = forms.MultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        initial=["1", "2", "3", "4", "5"],
        widget=forms.CheckboxSelectMultiple,
    )
    household_size = forms.IntegerField(label=_("Household size"), required=False, min_value=1, max_value=99)
    monthly_income = forms.DecimalField(
        label=_("Monthly net income per person (zł)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text=_("When given, the income test is applied."),
    )
    funding = forms.ChoiceField(
        label=_("Funding"),
        required=False,
        choices=Funding.choices,
        initial=Funding.PROGRAMME,
        widget=forms.RadioSelect,
        help_text=_("Own funds: the municipality pays under its own resolution; the income limit is not enforced."),
    )

    def clean_weekdays(self):
        return [int(day) for day in self.cleaned_data["weekdays"]]

    def clean_funding(self):
        return self.cleaned_data["funding"] or Funding.PROGRAMME

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            self.add_error("valid_to", _("The end date cannot be before the start date."))
        return data


class StreetForm(forms.Form):
    name = forms.CharField(label=_("Street"), max_length=100)
    district = forms.ChoiceField(label=_("District"), choices=District.choices)


class ClosureDayForm(forms.Form):
    date = DayFormField(label=_("Date"))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class IncomeCriterionForm(forms.Form):
    valid_from = DayFormField(label=_("In force from"))
    single_person = forms.DecimalField(label=_("Single person (zł)"), max_digits=10, decimal_places=2, min_value=0)
    per_person = forms.DecimalField(label=_("Per person in family (zł)"), max_digits=10, decimal_places=2, min_value=0)


class ProgramPercentageForm(forms.Form):
    program = forms.ChoiceField(label=_("Programme"), choices=Program.choices)
    valid_from = DayFormField(label=_("In force from"))
    percent = forms.DecimalField(label=_("Percent of the criterion"), max_digits=6, decimal_places=2, min_value=0)
