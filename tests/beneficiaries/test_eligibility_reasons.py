"""Every eligibility reason code of docs/api.md, for hot meals and FEAD workshops."""

import datetime

import pytest
import time_machine

from beneficiaries.eligibility import check_eligibility, residents_eligible_on
from beneficiaries.models import ClosureDay
from beneficiaries.services.entitlements import entitlement_suspend
from beneficiaries.services.residents import resident_update

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

TUESDAY = MONDAY + datetime.timedelta(days=1)
SATURDAY = MONDAY + datetime.timedelta(days=5)
MAY_DAY = datetime.date(2026, 5, 1)  # a Friday and a public holiday (Święto Pracy)


def reasons(resident, program="hot_meal", day=MONDAY):
    return check_eligibility(resident=resident, program=program, day=day).reasons


def test_an_active_resident_with_a_current_decision_may_eat(make_resident, give_entitlement):
    resident = make_resident()
    entitlement = give_entitlement(resident)
    result = check_eligibility(resident=resident, program="hot_meal", day=MONDAY)
    assert result.eligible
    assert result.reasons == []
    assert result.entitlement == entitlement


def test_inactive_resident(make_resident, give_entitlement, coordinator):
    resident = make_resident()
    give_entitlement(resident)
    resident = resident_update(resident=resident, by=coordinator, is_active=False)
    assert reasons(resident) == ["inactive_resident"]


def test_no_entitlement(make_resident):
    assert reasons(make_resident()) == ["no_entitlement"]


def test_an_entitlement_of_the_other_programme_does_not_count(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, program="fead")
    assert reasons(resident, "hot_meal") == ["no_entitlement"]


def test_entitlement_not_started(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, valid_from=TUESDAY, valid_to=TUESDAY + datetime.timedelta(days=60))
    assert reasons(resident) == ["entitlement_not_started"]


def test_entitlement_expired(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, valid_from=MONDAY - datetime.timedelta(days=60), valid_to=MONDAY - datetime.timedelta(1))
    assert reasons(resident) == ["entitlement_expired"]


def test_the_last_day_of_the_period_is_included(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, valid_from=MONDAY - datetime.timedelta(days=60), valid_to=MONDAY)
    assert reasons(resident) == []


def test_entitlement_suspended(make_resident, give_entitlement, coordinator):
    resident = make_resident()
    entitlement_suspend(entitlement=give_entitlement(resident), by=coordinator)
    assert reasons(resident) == ["entitlement_suspended"]


def test_not_on_weekday(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, weekdays=[1, 3, 5])
    assert reasons(resident, day=MONDAY) == []
    assert reasons(resident, day=TUESDAY) == ["not_on_weekday"]


def test_outside_district(make_resident, give_entitlement):
    resident = make_resident(street="Wolności", district="other")
    give_entitlement(resident)
    assert reasons(resident) == ["outside_district"]


def test_point_closed_on_a_public_holiday(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, valid_to=MAY_DAY + datetime.timedelta(days=30))
    assert reasons(resident, day=MAY_DAY) == ["point_closed"]
    assert reasons(resident, day=MAY_DAY - datetime.timedelta(days=1)) == []


def test_point_closed_on_a_closure_day(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident)
    ClosureDay.objects.create(date=MONDAY, reason="Dezynfekcja")
    assert reasons(resident) == ["point_closed"]
    assert reasons(resident, day=TUESDAY) == []


def test_a_weekend_day_is_not_on_the_weekdays_and_the_point_is_closed(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident)
    assert reasons(resident, day=SATURDAY) == ["not_on_weekday", "point_closed"]


def test_every_applicable_reason_is_listed(make_resident, give_entitlement, coordinator):
    resident = make_resident(street="Wolności", district="other")
    give_entitlement(resident, valid_from=MONDAY - datetime.timedelta(days=90), valid_to=MONDAY - datetime.timedelta(1))
    give_entitlement(
        resident, valid_from=TUESDAY + datetime.timedelta(days=7), valid_to=MONDAY + datetime.timedelta(60)
    )
    resident = resident_update(resident=resident, by=coordinator, is_active=False)
    assert reasons(resident, day=MAY_DAY - datetime.timedelta(days=60)) == [
        "inactive_resident",
        "entitlement_expired",
        "entitlement_not_started",
        "outside_district",
    ]
    assert set(reasons(resident, day=SATURDAY)) >= {"inactive_resident", "outside_district", "point_closed"}


def test_a_suspended_decision_does_not_hide_a_second_active_one(make_resident, give_entitlement, coordinator):
    resident = make_resident()
    entitlement_suspend(entitlement=give_entitlement(resident), by=coordinator)
    second = give_entitlement(resident, document_number="OPS.2")
    assert check_eligibility(resident=resident, program="hot_meal", day=MONDAY).entitlement == second


def test_fead_ignores_district_point_closure_and_weekdays(make_resident, give_entitlement):
    """docs/domain.md: a FEAD referral covering the day is enough (a workshop may be on a Saturday)."""
    resident = make_resident(street="Wolności", district="other")
    give_entitlement(resident, program="fead", valid_to=MAY_DAY + datetime.timedelta(days=30))
    ClosureDay.objects.create(date=MONDAY)
    for day in (MONDAY, SATURDAY, MAY_DAY):
        assert reasons(resident, "fead", day) == []


@pytest.mark.parametrize(
    "code", ["inactive_resident", "no_entitlement", "entitlement_not_started", "entitlement_expired"]
)
def test_fead_has_the_same_resident_and_entitlement_reasons(code, make_resident, give_entitlement, coordinator):
    resident = make_resident()
    if code == "entitlement_not_started":
        give_entitlement(resident, program="fead", valid_from=TUESDAY, valid_to=TUESDAY)
    elif code == "entitlement_expired":
        give_entitlement(
            resident, program="fead", valid_from=MONDAY - datetime.timedelta(9), valid_to=MONDAY - datetime.timedelta(1)
        )
    elif code == "inactive_resident":
        give_entitlement(resident, program="fead")
        resident = resident_update(resident=resident, by=coordinator, is_active=False)
    assert reasons(resident, "fead") == [code]


def test_the_list_of_eligible_residents_follows_the_same_rule(make_resident, give_entitlement, coordinator):
    eligible = make_resident(first_name="Ewa", birth_date=datetime.date(1950, 1, 1))
    give_entitlement(eligible)
    outside = make_resident(
        first_name="Olga", street="Wolności", district="other", birth_date=datetime.date(1951, 1, 1)
    )
    give_entitlement(outside)
    suspended = make_resident(first_name="Piotr", birth_date=datetime.date(1952, 1, 1))
    entitlement_suspend(entitlement=give_entitlement(suspended), by=coordinator)
    make_resident(first_name="Zofia", birth_date=datetime.date(1953, 1, 1))
    for day in (MONDAY, SATURDAY, MAY_DAY):
        listed = set(residents_eligible_on(program="hot_meal", day=day))
        judged = {
            r
            for r in (eligible, outside, suspended)
            if check_eligibility(resident=r, program="hot_meal", day=day).eligible
        }
        assert listed == judged
    assert set(residents_eligible_on(program="hot_meal", day=MONDAY)) == {eligible}


def test_the_eligibility_endpoint_lists_the_reasons(distribution_client, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, weekdays=[1])
    url = f"/api/v1/residents/{resident.pk}/eligibility/"
    yes = distribution_client.get(url, {"date": MONDAY.isoformat(), "program": "hot_meal"})
    assert yes.status_code == 200
    assert yes.json()["eligible"] is True
    assert yes.json()["reasons"] == []
    no = distribution_client.get(url, {"date": TUESDAY.isoformat(), "program": "hot_meal"})
    assert no.json() == {**no.json(), "eligible": False, "reasons": ["not_on_weekday"]}
    assert distribution_client.get(url, {"date": MONDAY.isoformat(), "program": "fead"}).json()["reasons"] == [
        "no_entitlement"
    ]


def test_the_eligibility_endpoint_defaults_to_today_in_warsaw(distribution_client, make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, weekdays=[1])
    url = f"/api/v1/residents/{resident.pk}/eligibility/"
    # Sunday 23:30 UTC is already Monday in Warsaw.
    with time_machine.travel(datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC), tick=False):
        response = distribution_client.get(url, {"program": "hot_meal"})
    assert response.json()["date"] == "2026-03-02"
    assert response.json()["eligible"] is True


def test_a_monday_only_decision_starting_next_month_asked_on_a_thursday_gives_both_reasons(
    make_resident, give_entitlement
):
    thursday = MONDAY + datetime.timedelta(days=3)
    resident = make_resident()
    give_entitlement(
        resident,
        valid_from=MONDAY + datetime.timedelta(days=35),
        valid_to=MONDAY + datetime.timedelta(days=120),
        weekdays=[1],
    )
    assert reasons(resident, day=thursday) == ["entitlement_not_started", "not_on_weekday"]


def test_a_suspended_decision_that_has_expired_gives_both_reasons(make_resident, give_entitlement, coordinator):
    resident = make_resident()
    entitlement = give_entitlement(
        resident, valid_from=MONDAY - datetime.timedelta(days=60), valid_to=MONDAY - datetime.timedelta(days=1)
    )
    entitlement_suspend(entitlement=entitlement, by=coordinator)
    assert reasons(resident) == ["entitlement_expired", "entitlement_suspended"]


def test_the_decision_in_force_explains_the_refusal_not_an_old_one(make_resident, give_entitlement):
    resident = make_resident()
    give_entitlement(resident, valid_from=MONDAY - datetime.timedelta(days=90), valid_to=MONDAY - datetime.timedelta(1))
    give_entitlement(resident, valid_from=MONDAY, valid_to=MONDAY + datetime.timedelta(days=60), weekdays=[3])
    assert reasons(resident) == ["not_on_weekday"]
