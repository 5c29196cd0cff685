"""The income test (docs/domain.md#income-test): monthly net income per person <= programme % x criterion.

The criterion is the single-person amount for a household of one and the per-person amount
otherwise; both it and the programme's percentage are the ones in force on the entitlement's
first day. Both tables are dated data a coordinator extends; money is Decimal throughout.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from beneficiaries.models import IncomeCriterion, ProgramIncomePercentage

GROSZ = Decimal("0.01")


def income_limit(*, program: str, household_size: int, on: datetime.date) -> Decimal | None:
    """The highest allowed monthly income per person, or None when no table covers ``on``."""
    criterion = IncomeCriterion.objects.filter(valid_from__lte=on).order_by("-valid_from").first()
    percentage = (
        ProgramIncomePercentage.objects.filter(program=program, valid_from__lte=on).order_by("-valid_from").first()
    )
    if criterion is None or percentage is None:
        return None
    base = criterion.single_person if household_size == 1 else criterion.per_person
    return (base * percentage.percent / 100).quantize(GROSZ, rounding=ROUND_HALF_UP)


def check_income(*, program: str, household_size: int | None, monthly_income: Decimal | None, on: datetime.date):
    """Raise a ValidationError on ``monthly_income`` (or ``household_size``) when the test fails."""
    if monthly_income is None:
        return
    if household_size is None:
        raise ValidationError({"household_size": [_("Give the household size to apply the income test.")]})
    limit = income_limit(program=program, household_size=household_size, on=on)
    if limit is None:
        message = _("No income limit is in force on %(date)s for this programme; complete the criteria tables.")
        raise ValidationError({"monthly_income": [message % {"date": on.isoformat()}]}, code="no_limit")
    if monthly_income > limit:
        message = _("Income per person %(income)s zł exceeds the limit of %(limit)s zł.")
        raise ValidationError(
            {"monthly_income": [message % {"income": monthly_income, "limit": limit}]}, code="over_limit"
        )
