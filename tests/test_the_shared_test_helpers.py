"""The helpers every app's tests lean on do what they say (a helper that cannot fail hides failures)."""

import datetime
import threading

import pytest
from django.utils import timezone

from beneficiaries.eligibility import check_eligibility
from beneficiaries.models import Program, Resident
from beneficiaries.services.residents import resident_create
from config.audit import audit_record
from tests.factories import ResidentFactory, eligible_resident
from tests.support import DAY, NOW, nothing_changed, run_concurrently

pytestmark = pytest.mark.django_db


# --- nothing_changed ----------------------------------------------------------------------------


def test_nothing_changed_passes_when_nothing_is_written():
    resident = ResidentFactory()
    with nothing_changed():
        Resident.objects.get(pk=resident.pk)


@pytest.mark.parametrize(
    "write",
    [
        lambda resident, user: ResidentFactory(),
        lambda resident, user: Resident.objects.filter(pk=resident.pk).update(phone="600"),
        lambda resident, user: resident.delete(),
        lambda resident, user: audit_record(actor=user, action="resident.update", obj=resident),
    ],
    ids=["a row added", "a row changed", "a row removed", "an audit event written"],
)
def test_nothing_changed_fails_on_any_write(write, coordinator):
    resident = ResidentFactory()
    with pytest.raises(AssertionError, match="changed the database"), nothing_changed():
        write(resident, coordinator)


def test_nothing_changed_unless_allowed_checks_nothing():
    with nothing_changed(unless=True):
        ResidentFactory()


# --- run_concurrently ---------------------------------------------------------------------------


def test_concurrent_calls_overlap_and_their_outcomes_keep_the_arguments_order():
    inside = threading.Barrier(3, timeout=10)  # passes only if the three calls run at the same time

    def call(number):
        inside.wait()
        if number == 2:
            raise ValueError(number)
        return number * 10

    outcomes = run_concurrently(call, [1, 2, 3])

    assert outcomes[0] == 10 and outcomes[2] == 30
    assert isinstance(outcomes[1], ValueError)
    assert outcomes.returned == [10, 30]
    assert [str(error) for error in outcomes.raised] == ["2"]


# --- The factories --------------------------------------------------------------------------------


def test_the_resident_factory_fills_the_derived_columns_as_the_service_does(coordinator):
    fields = {
        "first_name": "Łucja",
        "last_name": "Żółć",
        "pesel": "44051401359",
        "street": "ul. Główna",
        "building": "7",
        "flat": "3",
    }
    made = ResidentFactory(**fields)
    registered, _ = resident_create(by=coordinator, **{**fields, "pesel": "02211307589"})

    assert made.address_key == registered.address_key == "glowna|7|3"
    assert made.search_text == f"zolc lucja {made.card_number} 44051401359"
    assert registered.search_text == f"zolc lucja {registered.card_number} 02211307589"
    assert (made.district, made.birth_date) == ("maciejkowice", datetime.date(1944, 5, 14))
    assert Resident.objects.get(pk=made.pk).search_text == made.search_text


@pytest.mark.parametrize("programs", [(), (Program.FEAD,), (Program.HOT_MEAL, Program.FEAD)])
def test_an_eligible_resident_is_eligible_on_the_day_for_each_programme(programs):
    resident = eligible_resident(*programs)

    for program in programs or (Program.HOT_MEAL,):
        assert check_eligibility(resident=resident, program=program, day=DAY).eligible
    assert resident.entitlements.count() == len(programs or (Program.HOT_MEAL,))


def test_a_fead_referral_covers_the_weekend_and_a_meal_decision_does_not():
    saturday = DAY + datetime.timedelta(days=3)
    resident = eligible_resident(Program.HOT_MEAL, Program.FEAD)

    assert check_eligibility(resident=resident, program=Program.FEAD, day=saturday).eligible
    assert check_eligibility(resident=resident, program=Program.HOT_MEAL, day=saturday).reasons[0] == "not_on_weekday"


# --- The clock ------------------------------------------------------------------------------------


def test_the_frozen_clock_starts_at_the_tests_now_and_can_be_moved(frozen_clock):
    assert NOW <= timezone.now() < NOW + datetime.timedelta(minutes=1)
    assert timezone.localdate() == DAY
    frozen_clock.shift(datetime.timedelta(days=1))
    assert timezone.localdate() == DAY + datetime.timedelta(days=1)
