"""meals.selectors.roster.meal_roster: who is on the day's printed list, in Polish order, in fixed queries."""

import datetime

import pytest

from beneficiaries.models import ClosureDay, District, EntitlementStatus, Program
from meals.selectors.roster import RosterRow, meal_roster
from tests.factories import EntitlementFactory, MealIssueFactory, ResidentFactory, eligible_resident
from tests.support import DAY, NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_a_row_carries_the_residents_data_and_the_decision_number():
    resident = ResidentFactory(
        first_name="Jan", last_name="Nowak", district=District.MACIEJKOWICE, diet=["soft"], allergies="seler"
    )
    EntitlementFactory(resident=resident, valid_from=DAY, valid_to=DAY, document_number="OPS.8220.7.2026")

    assert meal_roster(day=DAY) == [
        RosterRow(
            resident_id=resident.pk,
            last_name="Nowak",
            first_name="Jan",
            card_number=resident.card_number,
            birth_year=resident.birth_date.year,
            district="maciejkowice",
            document_number="OPS.8220.7.2026",
            diet=["soft"],
            allergies="seler",
            issued_at=None,
            takeaway=False,
        )
    ]


def test_served_rows_carry_the_time_and_takeaway_of_the_non_voided_issue():
    resident = eligible_resident()
    MealIssueFactory(resident=resident, issued_at=NOW - datetime.timedelta(minutes=5), voided=True)
    issue = MealIssueFactory(resident=resident, takeaway=True)

    (row,) = meal_roster(day=DAY)

    assert row.issued_at == issue.issued_at
    assert row.takeaway is True


def test_only_the_eligible_and_the_served_are_listed():
    eligible = eligible_resident()
    eligible_resident(district=District.OTHER)
    eligible_resident(is_active=False)
    ResidentFactory()  # no decision
    fead_only = ResidentFactory()
    EntitlementFactory(resident=fead_only, program=Program.FEAD)
    served_then_suspended = ResidentFactory()
    decision = EntitlementFactory(resident=served_then_suspended)
    MealIssueFactory(resident=served_then_suspended)
    decision.status = EntitlementStatus.SUSPENDED
    decision.save()

    ids = {row.resident_id for row in meal_roster(day=DAY)}

    assert ids == {eligible.pk, served_then_suspended.pk}


def test_the_suspended_decision_still_gives_the_number_when_nothing_better_covers_the_day():
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, document_number="D-1", status=EntitlementStatus.SUSPENDED)
    MealIssueFactory(resident=resident)

    assert meal_roster(day=DAY)[0].document_number == "D-1"


def test_the_decision_that_allows_the_day_wins_over_others_covering_it():
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, document_number="OLD-SUSPENDED", status=EntitlementStatus.SUSPENDED)
    EntitlementFactory(resident=resident, document_number="USABLE")
    EntitlementFactory(resident=resident, document_number="OTHER-WEEKDAYS", weekdays="12")

    assert meal_roster(day=DAY)[0].document_number == "USABLE"


def test_someone_served_without_any_decision_has_an_empty_number():
    resident = ResidentFactory()
    MealIssueFactory(resident=resident)

    assert meal_roster(day=DAY)[0].document_number == ""


def test_rows_follow_the_polish_alphabet_then_first_name_then_id():
    names = [
        ("Zając", "Anna"),
        ("Ćwik", "Ewa"),
        ("Cebula", "Jan"),
        ("Łukasik", "Piotr"),
        ("Lis", "Adam"),
        ("Lis", "Adam"),
        ("Lis", "Łucja"),
        ("Śliwa", "Ola"),
        ("Szewc", "Ida"),
        ("Żak", "Tom"),
        ("Źrebiec", "Zofia"),
    ]
    residents = [eligible_resident(last_name=last, first_name=first) for last, first in names]

    rows = meal_roster(day=DAY)

    assert [(row.last_name, row.first_name) for row in rows] == [
        ("Cebula", "Jan"), ("Ćwik", "Ewa"), ("Lis", "Adam"), ("Lis", "Adam"), ("Lis", "Łucja"), ("Łukasik", "Piotr"),
        ("Szewc", "Ida"), ("Śliwa", "Ola"), ("Zając", "Anna"), ("Źrebiec", "Zofia"), ("Żak", "Tom"),
    ]  # fmt: skip
    twins = [row.resident_id for row in rows if (row.last_name, row.first_name) == ("Lis", "Adam")]
    assert twins == sorted(r.pk for r in residents if (r.last_name, r.first_name) == ("Lis", "Adam"))


def test_a_closed_day_lists_only_whoever_was_served_anyway():
    served = eligible_resident()
    eligible_resident()
    ClosureDay.objects.create(date=DAY)
    MealIssueFactory(resident=served)

    assert [row.resident_id for row in meal_roster(day=DAY)] == [served.pk]


def test_the_roster_takes_the_same_queries_for_3_or_40_people(django_assert_num_queries):
    for _ in range(3):
        eligible_resident()
    with django_assert_num_queries(5):
        assert len(meal_roster(day=DAY)) == 3

    for index in range(37):
        resident = eligible_resident()
        if index % 2:
            MealIssueFactory(resident=resident)
    with django_assert_num_queries(5):
        assert len(meal_roster(day=DAY)) == 40
