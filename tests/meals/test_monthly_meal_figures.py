"""meals.selectors.figures.monthly_meal_figures: what the programme's monthly settlement is built from."""

import datetime

import pytest

from beneficiaries.models import ClosureDay, District
from meals.selectors.figures import monthly_meal_figures
from tests.factories import MealIssueFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_per_day_lists_every_opening_day_of_the_month_with_its_meals():
    resident = ResidentFactory()
    MealIssueFactory(resident=resident, day=datetime.date(2026, 5, 4))
    MealIssueFactory(resident=ResidentFactory(), day=datetime.date(2026, 5, 4))
    ClosureDay.objects.create(date=datetime.date(2026, 5, 15))

    figures = monthly_meal_figures(year=2026, month=5)

    days = [day for day, _meals in figures.per_day]
    # May 2026: 21 weekdays, minus 1 May (Friday, Święto Pracy) and the closure day.
    assert len(days) == 19
    assert datetime.date(2026, 5, 1) not in days
    assert datetime.date(2026, 5, 15) not in days
    assert dict(figures.per_day)[datetime.date(2026, 5, 4)] == 2
    assert dict(figures.per_day)[datetime.date(2026, 5, 5)] == 0
    assert days == sorted(days)


def test_a_day_with_issues_is_listed_even_when_the_point_was_closed():
    MealIssueFactory(resident=ResidentFactory(), day=datetime.date(2026, 5, 9))  # a Saturday

    figures = monthly_meal_figures(year=2026, month=5)

    assert dict(figures.per_day)[datetime.date(2026, 5, 9)] == 1


def test_per_resident_distinct_persons_districts_and_total():
    nowak = ResidentFactory(last_name="Nowak", first_name="Jan", district=District.CHORZOW_STARY)
    lis = ResidentFactory(last_name="Łoś", first_name="Ewa", district=District.MACIEJKOWICE)
    for day in (4, 5, 6):
        MealIssueFactory(resident=nowak, day=datetime.date(2026, 5, day))
    MealIssueFactory(resident=lis, day=datetime.date(2026, 5, 4))
    MealIssueFactory(resident=lis, day=datetime.date(2026, 5, 5), voided=True)
    MealIssueFactory(resident=lis, day=datetime.date(2026, 4, 30))  # another month
    MealIssueFactory(resident=lis, day=datetime.date(2026, 6, 1))

    figures = monthly_meal_figures(year=2026, month=5)

    assert (figures.year, figures.month) == (2026, 5)
    assert figures.per_resident == [
        (lis.pk, "Łoś", "Ewa", "maciejkowice", 1),
        (nowak.pk, "Nowak", "Jan", "chorzow_stary", 3),
    ]
    assert figures.distinct_persons == 2
    assert figures.by_district == {"chorzow_stary": 3, "maciejkowice": 1}
    assert figures.total == 4
    assert sum(meals for _day, meals in figures.per_day) == figures.total


def test_an_empty_month_is_all_zeros():
    figures = monthly_meal_figures(year=2026, month=2)

    assert figures.total == 0
    assert figures.per_resident == []
    assert figures.by_district == {}
    assert len(figures.per_day) == 20
    assert all(meals == 0 for _day, meals in figures.per_day)


def test_december_ends_on_the_31st():
    MealIssueFactory(resident=ResidentFactory(), day=datetime.date(2026, 12, 31))

    assert monthly_meal_figures(year=2026, month=12).per_day[-1] == (datetime.date(2026, 12, 31), 1)


def test_the_figures_take_three_queries_however_many_meals(django_assert_num_queries):
    people = [ResidentFactory() for _ in range(6)]
    MealIssueFactory(resident=ResidentFactory(), day=datetime.date(2026, 5, 4))
    with django_assert_num_queries(3):
        monthly_meal_figures(year=2026, month=5)

    for index, person in enumerate(people):
        for day in range(4, 9):
            MealIssueFactory(resident=person, day=datetime.date(2026, 5, day + 7 * (index % 2)))
    with django_assert_num_queries(3):
        assert monthly_meal_figures(year=2026, month=5).total == 31
