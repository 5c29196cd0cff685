"""Simultaneous requests on PostgreSQL, with real threads and one connection each."""

import datetime

import pytest
from django.utils import timezone

from beneficiaries.models import Program
from tests.factories import UserFactory, eligible_resident
from tests.support import run_concurrently
from tests.workshops.conftest import WorkshopSessionFactory
from workshops import services
from workshops.exceptions import WorkshopError
from workshops.models import Signup, SignupStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def small_session(capacity: int):
    starts_at = timezone.now() + datetime.timedelta(days=2)
    return WorkshopSessionFactory(starts_at=starts_at, capacity=capacity)


def residents_for(session, count: int):
    return [eligible_resident(Program.FEAD, day=timezone.localdate(session.starts_at)) for _ in range(count)]


def assert_places_are_consistent(session):
    confirmed = Signup.objects.filter(session=session, status=SignupStatus.CONFIRMED).count()
    positions = sorted(
        Signup.objects.filter(session=session, status=SignupStatus.WAITLISTED).values_list(
            "waitlist_position", flat=True
        )
    )
    assert confirmed <= session.capacity
    assert positions == list(range(1, len(positions) + 1))
    return confirmed, positions


def test_many_simultaneous_sign_ups_fill_exactly_the_capacity_and_number_the_rest():
    session = small_session(capacity=4)
    residents = residents_for(session, 16)
    leader = UserFactory(role="workshop")

    outcomes = run_concurrently(
        lambda resident: services.signup_create(session_id=session.pk, resident_id=resident.pk, by=leader), residents
    )

    assert outcomes.raised == []
    assert len(outcomes.returned) == 16
    confirmed, positions = assert_places_are_consistent(session)
    assert confirmed == 4
    assert positions == list(range(1, 13))


def test_the_same_resident_signing_up_from_many_tablets_at_once_gets_one_sign_up():
    session = small_session(capacity=3)
    resident = residents_for(session, 1)[0]
    leader = UserFactory(role="workshop")

    outcomes = run_concurrently(
        lambda _: services.signup_create(session_id=session.pk, resident_id=resident.pk, by=leader), range(8)
    )

    assert len(outcomes.returned) == 1
    assert len(outcomes.raised) == 7
    assert all(isinstance(e, WorkshopError) and e.code == "already_signed_up" for e in outcomes.raised)
    assert Signup.objects.filter(session=session).count() == 1


def test_simultaneous_cancellations_promote_each_waiting_resident_once():
    session = small_session(capacity=3)
    leader = UserFactory(role="workshop")
    signups = [
        services.signup_create(session_id=session.pk, resident_id=r.pk, by=leader) for r in residents_for(session, 9)
    ]
    confirmed_ids = [s.pk for s in signups[:3]]

    outcomes = run_concurrently(lambda pk: services.signup_cancel(signup_id=pk, by=leader), confirmed_ids)

    assert outcomes.raised == []
    promoted = [p.pk for _, p in outcomes.returned]
    assert sorted(promoted) == [s.pk for s in signups[3:6]]
    confirmed, positions = assert_places_are_consistent(session)
    assert confirmed == 3
    assert positions == [1, 2, 3]


def test_sign_ups_racing_a_capacity_raise_and_cancellations_keep_the_places_consistent():
    session = small_session(capacity=2)
    leader = UserFactory(role="workshop")
    early = [
        services.signup_create(session_id=session.pk, resident_id=r.pk, by=leader) for r in residents_for(session, 4)
    ]
    newcomers = residents_for(session, 8)

    def act(job):
        kind, value = job
        if kind == "signup":
            return services.signup_create(session_id=session.pk, resident_id=value.pk, by=leader)
        if kind == "cancel":
            return services.signup_cancel(signup_id=value, by=leader)
        return services.session_update(session_id=session.pk, capacity=value, by=leader)

    jobs = [("signup", r) for r in newcomers] + [("cancel", early[0].pk), ("cancel", early[3].pk), ("capacity", 5)]
    outcomes = run_concurrently(act, jobs)

    assert outcomes.raised == []
    session.refresh_from_db()
    confirmed, positions = assert_places_are_consistent(session)
    assert confirmed == 5
    assert len(positions) == 4 + 8 - 2 - 5
