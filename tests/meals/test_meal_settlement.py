"""The caterer's settlement: meals per day and funding times the price in force that day."""

import datetime
from decimal import Decimal

import pytest

from beneficiaries.models import Entitlement
from meals.models import MealPrice
from meals.selectors.settlement import SettlementRow, SettlementTotal, meal_settlement
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY

pytestmark = pytest.mark.django_db

MONDAY, TUESDAY = datetime.date(2026, 3, 2), datetime.date(2026, 3, 3)


@pytest.fixture
def march():
    """The price goes up on Tuesday 3 March; Anna's decision is the programme's, Jan's the
    municipality's own; Jan's first meal on Monday was voided and he was served again."""
    MealPrice.objects.create(valid_from=datetime.date(2026, 1, 1), price=Decimal("14.50"))
    MealPrice.objects.create(valid_from=TUESDAY, price=Decimal("15.20"))
    anna, jan = eligible_resident(day=DAY), eligible_resident(day=DAY)
    Entitlement.objects.filter(resident=jan).update(funding="own_funds")
    MealIssueFactory(resident=anna, day=MONDAY)
    MealIssueFactory(resident=jan, day=MONDAY, voided=True)
    MealIssueFactory(resident=jan, day=MONDAY)
    MealIssueFactory(resident=anna, day=TUESDAY)
    MealIssueFactory(resident=jan, day=TUESDAY)


def test_each_day_and_funding_is_priced_with_that_days_price(march):
    settlement = meal_settlement(year=2026, month=3)
    assert settlement.rows == [
        SettlementRow(MONDAY, "programme", issued=1, voided=0, price=Decimal("14.50"), amount=Decimal("14.50")),
        SettlementRow(MONDAY, "own_funds", issued=1, voided=1, price=Decimal("14.50"), amount=Decimal("14.50")),
        SettlementRow(TUESDAY, "programme", issued=1, voided=0, price=Decimal("15.20"), amount=Decimal("15.20")),
        SettlementRow(TUESDAY, "own_funds", issued=1, voided=0, price=Decimal("15.20"), amount=Decimal("15.20")),
    ]


def test_the_totals_are_split_by_funding_and_a_voided_meal_costs_nothing(march):
    settlement = meal_settlement(year=2026, month=3)
    assert settlement.totals == [
        SettlementTotal("programme", issued=2, voided=0, amount=Decimal("29.70")),
        SettlementTotal("own_funds", issued=2, voided=1, amount=Decimal("29.70")),
    ]
    assert settlement.total == SettlementTotal("", issued=4, voided=1, amount=Decimal("59.40"))
    assert dict(settlement.per_day)[MONDAY] == 2
    assert dict(settlement.per_day)[datetime.date(2026, 3, 4)] == 0


def test_a_day_without_a_price_is_named_and_leaves_the_total_open():
    MealIssueFactory(resident=eligible_resident(day=DAY), day=MONDAY)
    settlement = meal_settlement(year=2026, month=3)
    assert settlement.days_without_price == [MONDAY]
    assert settlement.rows[0].amount is None
    assert settlement.total.amount is None


def test_the_settlement_takes_three_queries(march, django_assert_num_queries):
    with django_assert_num_queries(3):
        meal_settlement(year=2026, month=3)
