"""Checks of resident and entitlement input, shared by the API serializers and the staff forms.

Each function takes the raw value and returns the clean one, or raises Django's
``ValidationError`` (DRF turns it into ``{"field": ["message"]}``, forms show it by the field).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.pl import pesel as stdnum_pesel

from beneficiaries.models import DietTag
from config.dates import day_text, parse_day

EARLIEST_BIRTH_DATE = datetime.date(1880, 1, 1)
_POSTAL_CODE = re.compile(r"^(\d{2})-?(\d{3})$")


def clean_pesel(value: str | None) -> str | None:
    """'44051401359' -> the same; '' -> None (no PESEL). Refuses bad checksums and impossible dates."""
    value = (value or "").strip()
    if not value:
        return None
    if not (value.isdigit() and len(value) == 11):
        raise ValidationError(_("PESEL has exactly 11 digits."), code="invalid")
    try:
        stdnum_pesel.validate(value)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(_("The PESEL check digit is wrong: please check the number."), code="checksum")
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This PESEL contains an impossible birth date."), code="invalid_date")
    if pesel_birth_date(value) > timezone.localdate():
        raise ValidationError(_("This PESEL contains a birth date in the future."), code="invalid_date")
    return value


def pesel_birth_date(pesel: str) -> datetime.date:
    return stdnum_pesel.get_birth_date(pesel)


def as_date(value) -> datetime.date | None:
    """A date, also from 'YYYY-MM-DD' (scripts and demo data pass strings)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        raise ValidationError(_("Enter a date, not a date and time."), code="invalid")
    if isinstance(value, datetime.date):
        return value
    try:
        return parse_day(str(value))  # the one day parser and range (config/dates.py)
    except ValueError:
        raise ValidationError(_("Enter a valid date (YYYY-MM-DD)."), code="invalid")


def clean_birth_date(value) -> datetime.date | None:
    value = as_date(value)
    if value is None:
        return None
    if value > timezone.localdate():
        raise ValidationError(_("The birth date cannot be in the future."), code="future")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(_("The birth date is too far in the past."), code="too_old")
    return value


def reconcile_birth_date(*, pesel: str | None, birth_date: datetime.date | None) -> datetime.date | None:
    """The birth date to store: from the PESEL when absent; when both are given they must agree."""
    if not pesel:
        return birth_date
    from_pesel = pesel_birth_date(pesel)
    if birth_date is not None and birth_date != from_pesel:
        message = _("The birth date does not agree with the PESEL (%(date)s).") % {"date": day_text(from_pesel)}
        raise ValidationError({"birth_date": [message]}, code="pesel_mismatch")
    return from_pesel


def clean_diet(value) -> list[str]:
    """A list of known diet tags, without repeats, in a stable order."""
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(tag, str) for tag in value):
        raise ValidationError(_("Give the diet as a list of tags."), code="not_a_list")
    unknown = sorted(set(value) - set(DietTag.values))
    if unknown:
        message = _("Unknown diet tags: %(tags)s. Allowed: %(allowed)s.") % {
            "tags": ", ".join(unknown),
            "allowed": ", ".join(DietTag.values),
        }
        raise ValidationError(message, code="unknown_tag")
    return [tag for tag in DietTag.values if tag in value]


def weekdays_to_text(days) -> str:
    """[1, 3, 5] -> '135' (the stored form); refuses an empty list and numbers outside 1..7."""
    if not isinstance(days, list | tuple | set) or not days:
        raise ValidationError(_("Choose at least one weekday (1 = Monday … 7 = Sunday)."), code="empty")
    if any(isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 7 for day in days):
        raise ValidationError(_("Weekdays are numbers from 1 (Monday) to 7 (Sunday)."), code="invalid")
    return "".join(str(day) for day in sorted(set(days)))


def clean_postal_code(value: str | None) -> str:
    """'41503' or '41-503' -> '41-503'; empty stays empty."""
    value = (value or "").strip()
    if not value:
        return ""
    match = _POSTAL_CODE.match(value)
    if not match:
        raise ValidationError(_("Enter the postal code as 00-000."), code="invalid")
    return f"{match.group(1)}-{match.group(2)}"
