"""The rules that must never break have a database constraint behind them."""

import pytest
from django.db import IntegrityError, transaction

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, add_signup
from workshops.models import SignupStatus


@pytest.mark.django_db
def test_two_active_sign_ups_of_one_resident_for_one_session_are_impossible(session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    add_signup(session, resident)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_signup(session, resident, status=SignupStatus.WAITLISTED, position=1)
    add_signup(session, resident, status=SignupStatus.CANCELLED)  # cancelled ones may repeat


@pytest.mark.django_db
def test_two_sign_ups_cannot_share_a_waiting_list_position(session):
    add_signup(session, status=SignupStatus.WAITLISTED, position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_signup(session, status=SignupStatus.WAITLISTED, position=1)


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "position"), [(SignupStatus.WAITLISTED, None), (SignupStatus.CONFIRMED, 3)])
def test_a_position_belongs_to_the_waiting_list_only(session, status, position):
    with pytest.raises(IntegrityError), transaction.atomic():
        add_signup(session, status=status, position=position)


@pytest.mark.django_db
@pytest.mark.parametrize("capacity", [0, 501])
def test_capacity_stays_between_1_and_500(session, capacity):
    session.capacity = capacity
    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "position"), [(SignupStatus.WAITLISTED, 1), (SignupStatus.CANCELLED, None)], ids=["waiting", "cancelled"]
)
@pytest.mark.parametrize("attended", [True, False])
def test_attendance_belongs_to_confirmed_sign_ups_only(session, status, position, attended):
    with pytest.raises(IntegrityError), transaction.atomic():
        add_signup(session, status=status, position=position, attended=attended)
