"""The hot-meal programme's monthly figures: persons by sex and age band, takeaways, cost by funding."""

import datetime
from decimal import Decimal

import pytest

from beneficiaries.models import Entitlement
from meals.models import MealPrice
from meals.selectors.programme import age_band, programme_figures, sex_of
from meals.selectors.settlement import meal_settlement
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)


def figures():
    return programme_figures(year=2026, month=3, settlement=meal_settlement(year=2026, month=3))


@pytest.fixture
def march():
    MealPrice.objects.create(valid_from=datetime.date(2026, 1, 1), price=Decimal("15.00"))
    man = eligible_resident(day=DAY, pesel="44051401359", birth_date=datetime.date(1944, 5, 14))  # 81
    woman = eligible_resident(day=DAY, pesel="02211307589", birth_date=datetime.date(2002, 1, 13))  # 24
    nobody_knows = eligible_resident(day=DAY, pesel=None, birth_date=None)
    Entitlement.objects.filter(resident=woman).update(funding="own_funds")
    MealIssueFactory(resident=man, day=MONDAY, takeaway=True)
    MealIssueFactory(resident=man, day=DAY)
    MealIssueFactory(resident=woman, day=DAY)
    MealIssueFactory(resident=nobody_knows, day=DAY, voided=True)


def test_each_person_counts_once_by_sex_and_age_band(march):
    persons = figures().persons
    assert persons[("male", "65+")] == 1
    assert persons[("female", "19–64")] == 1
    assert sum(persons.values()) == 2  # the voided meal's person ate nothing


def test_takeaways_and_the_cost_by_funding(march):
    result = figures()
    assert (result.meals, result.takeaway_meals) == (3, 1)
    assert result.cost_by_funding == {"programme": Decimal("30.00"), "own_funds": Decimal("15.00")}
    assert result.cost == Decimal("45.00")


@pytest.mark.parametrize(
    ("pesel", "sex"), [("44051401359", "male"), ("02211307589", "female"), (None, "unknown"), ("123", "unknown")]
)
def test_the_pesel_tells_the_sex(pesel, sex):
    assert sex_of(pesel) == sex


def test_the_age_band_is_the_age_on_the_last_day_of_the_month():
    last = datetime.date(2026, 3, 31)
    assert age_band(datetime.date(2008, 3, 31), on=last) == "7–18"  # 18 that day
    assert age_band(datetime.date(2007, 4, 1), on=last) == "7–18"
    assert age_band(datetime.date(1961, 3, 31), on=last) == "65+"
    assert age_band(None, on=last) == "unknown"
