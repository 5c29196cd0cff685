"""The income test: monthly income per person <= programme % x criterion in force on valid_from."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from beneficiaries.income import income_limit
from beneficiaries.models import ProgramIncomePercentage
from beneficiaries.services.entitlements import entitlement_create
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

D = datetime.date
GROSZ = Decimal("0.01")

# (programme, a day in a criterion period, household size, limit per person)
LIMITS = [
    # Criterion 2022-01-01 (776 / 600)
    ("fead", D(2022, 6, 1), 1, Decimal("1707.20")),  # 220 % x 776
    ("fead", D(2022, 6, 1), 3, Decimal("1320.00")),  # 220 % x 600
    ("fead", D(2023, 6, 1), 1, Decimal("1823.60")),  # 235 % x 776
    ("fead", D(2023, 6, 1), 4, Decimal("1410.00")),  # 235 % x 600
    ("fead", D(2024, 3, 1), 1, Decimal("2056.40")),  # 265 % x 776
    ("hot_meal", D(2024, 3, 1), 1, Decimal("1552.00")),  # 200 % x 776
    ("hot_meal", D(2024, 3, 1), 2, Decimal("1200.00")),  # 200 % x 600
    # Criterion 2025-01-01 (1010 / 823): docs/domain.md's two examples and the other two cases
    ("hot_meal", D(2025, 1, 1), 3, Decimal("1646.00")),
    ("hot_meal", D(2026, 3, 2), 1, Decimal("2020.00")),
    ("fead", D(2025, 1, 1), 1, Decimal("2676.50")),
    ("fead", D(2026, 3, 2), 5, Decimal("2180.95")),
]


@pytest.mark.parametrize(("program", "day", "household", "limit"), LIMITS)
def test_the_limit_is_the_programme_percentage_of_the_criterion_in_force(program, day, household, limit):
    assert income_limit(program=program, household_size=household, on=day) == limit


def entitlement_from(day, *, resident, by, program, household, income):
    """A 90-day entitlement from ``day`` for a household of ``household`` with ``income`` per person."""
    return entitlement_create(
        resident=resident,
        by=by,
        program=program,
        valid_from=day,
        valid_to=day + datetime.timedelta(days=90),
        document_number="OPS.1",
        household_size=household,
        monthly_income=income,
    )


@pytest.mark.parametrize(("program", "day", "household", "limit"), LIMITS)
def test_income_exactly_at_the_limit_passes(program, day, household, limit, make_resident, coordinator):
    entitlement = entitlement_from(
        day, resident=make_resident(), by=coordinator, program=program, household=household, income=limit
    )
    assert entitlement.monthly_income == limit


@pytest.mark.parametrize(("program", "day", "household", "limit"), LIMITS)
def test_income_one_grosz_over_the_limit_is_refused(program, day, household, limit, make_resident, coordinator):
    resident = make_resident()
    with pytest.raises(ValidationError) as refused:
        entitlement_from(
            day, resident=resident, by=coordinator, program=program, household=household, income=limit + GROSZ
        )
    assert "monthly_income" in refused.value.message_dict


def test_the_first_criterion_period_applies_once_a_percentage_is_added(make_resident):
    """2018-10-01 criterion (701 / 528): no programme percentage is seeded that early."""
    day = D(2019, 6, 3)
    assert income_limit(program="fead", household_size=1, on=day) is None
    ProgramIncomePercentage.objects.create(program="fead", valid_from=D(2019, 1, 1), percent=Decimal("150"))
    assert income_limit(program="fead", household_size=1, on=day) == Decimal("1051.50")
    assert income_limit(program="fead", household_size=2, on=day) == Decimal("792.00")


def test_without_a_limit_in_force_the_income_cannot_be_checked_and_is_refused(make_resident, coordinator):
    with pytest.raises(ValidationError) as refused:
        entitlement_create(
            resident=make_resident(),
            by=coordinator,
            program="hot_meal",
            valid_from=D(2022, 6, 1),  # the hot-meal percentage starts 2023-01-01
            valid_to=D(2022, 12, 31),
            document_number="OPS.1",
            household_size=1,
            monthly_income=Decimal("100"),
        )
    assert "monthly_income" in refused.value.message_dict


def test_the_criterion_is_taken_on_valid_from_not_today(make_resident, coordinator):
    """An entitlement from 2024 is judged by the 2022 criterion even when entered in 2026."""
    with pytest.raises(ValidationError):
        entitlement_create(
            resident=make_resident(),
            by=coordinator,
            program="hot_meal",
            valid_from=D(2024, 12, 1),
            valid_to=D(2025, 6, 30),
            document_number="OPS.1",
            household_size=3,
            monthly_income=Decimal("1646.00"),  # fine under the 2025 criterion, too much under 2022's
        )


def test_the_api_answers_a_failed_income_test_with_400_on_monthly_income(coordinator_client, make_resident):
    resident = make_resident()
    body = {
        "program": "hot_meal",
        "valid_from": "2025-02-03",
        "valid_to": "2025-12-31",
        "document_number": "OPS.8220.7.2025",
        "household_size": 3,
        "monthly_income": "1646.01",
    }
    with nothing_changed():
        response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["monthly_income"]
    body["monthly_income"] = "1646.00"
    response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")
    assert response.status_code == 201
    assert response.json()["monthly_income"] == "1646.00"


def test_income_without_household_size_asks_for_the_household_size(coordinator_client, make_resident):
    resident = make_resident()
    body = {
        "program": "fead",
        "valid_from": "2025-02-03",
        "valid_to": "2025-12-31",
        "document_number": "S/1/2025",
        "monthly_income": "10.00",
    }
    with nothing_changed():
        response = coordinator_client.post(f"/api/v1/residents/{resident.pk}/entitlements/", body, format="json")
    assert response.status_code == 400
    assert "household_size" in response.json()


def test_a_changed_criteria_table_changes_the_limit_of_new_entitlements(make_resident):
    from beneficiaries.models import IncomeCriterion

    IncomeCriterion.objects.create(valid_from=D(2026, 1, 1), single_person=Decimal("1100"), per_person=Decimal("900"))
    assert income_limit(program="hot_meal", household_size=1, on=D(2026, 3, 2)) == Decimal("2200.00")
    assert income_limit(program="hot_meal", household_size=1, on=D(2025, 12, 31)) == Decimal("2020.00")
