"""Input fields for days and months, in the API and on the pages: one parser (config.dates).

A date or month outside FIRST_YEAR..LAST_YEAR is refused as invalid input (a 400 in DRF's shape,
a form error on a page), never passed on to calendar arithmetic that would fail with a 500.
"""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.dates import check_year, parse_month

# The largest primary key (a bigint): a larger id in a request is invalid input (400), not a 500.
MAX_ID = 2**63 - 1
OUT_OF_RANGE = _("Enter a date between 1900 and 2999.")  # config.dates.EARLIEST_DATE, LATEST_DATE
NOT_A_MONTH = _("Enter a month as YYYY-MM.")


class DayField(serializers.DateField):
    """DRF's ``DateField`` for input, refusing a year outside the service's range."""

    default_error_messages = {"out_of_range": OUT_OF_RANGE}

    def to_internal_value(self, value) -> datetime.date:
        day = super().to_internal_value(value)
        try:
            return check_year(day)
        except ValueError:
            self.fail("out_of_range")


@extend_schema_field(OpenApiTypes.STR)
class MonthField(serializers.Field):
    """``YYYY-MM`` in, the first day of that month out; anything else (or out of range) is invalid."""

    default_error_messages = {"invalid": NOT_A_MONTH}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "YYYY-MM")
        super().__init__(**kwargs)

    def to_internal_value(self, value) -> datetime.date:
        try:
            return parse_month(value) if isinstance(value, str) else self.fail("invalid")
        except ValueError:
            self.fail("invalid")

    def to_representation(self, value) -> str:
        return f"{value:%Y-%m}"


class DayFormField(forms.DateField):
    """A page's date field, refusing a day outside the service's range as the API does."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"out_of_range": OUT_OF_RANGE}

    def to_python(self, value) -> datetime.date | None:
        day = super().to_python(value)
        try:
            return day and check_year(day)
        except ValueError:
            raise forms.ValidationError(self.error_messages["out_of_range"], code="out_of_range") from None


class MonthFormField(forms.Field):
    """The pages' month picker (``<input type="month">``), parsed as the API parses it."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    default_error_messages = {"invalid": NOT_A_MONTH}

    def to_python(self, value) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        try:
            return parse_month(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
