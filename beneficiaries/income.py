"""The income test (docs/domain.md#income-test): monthly net income per person <= programme % x criterion.

The criterion is the single-person amount for a household of one and the per-person amount
otherwise; both it and the programme's percentage are the ones in force on the entitlement's
first day. Both tables are dated data a coordinator extends; money is Decimal throughout.
Under the programme's money a failing test is refused; under the municipality's own funds it
is only recorded (docs/funding.md).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from beneficiaries.models import Funding, IncomeCriterion, ProgramIncomePercentage
from config.dates import day_text

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


def check_income(
    *,
    program: str,
    funding: str,
    household_size: int | None,
    monthly_income: Decimal | None,
    on: datetime.date,
) -> Decimal | None:
    """The limit the income is judged by (None without income, or under own funds without a table).

    Under ``programme`` funding a failing test raises a ValidationError on ``monthly_income``
    that names own funds as the way; under ``own_funds`` nothing is refused.
    """
    if monthly_income is None:
        return None
    if household_size is None:
        raise ValidationError({"household_size": [_("Give the household size to apply the income test.")]})
    limit = income_limit(program=program, household_size=household_size, on=on)
    if funding == Funding.OWN_FUNDS:
        return limit
    if limit is None:
        message = _("No income limit is in force on %(date)s for this programme; complete the criteria tables.")
        raise ValidationError({"monthly_income": [message % {"date": day_text(on)}]}, code="no_limit")
    if monthly_income > limit:
        message = _(
            "Income per person %(income)s zł exceeds the limit of %(limit)s zł: the programme cannot pay. "
            'If the municipality grants the meal from its own money, record it with funding "own_funds".'
        )
        raise ValidationError(
            {"monthly_income": [message % {"income": monthly_income, "limit": limit}]}, code="over_limit"
        )
    return limit
