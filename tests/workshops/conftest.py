"""Helpers for the workshop tests: sessions at known Warsaw times and FEAD-referred residents."""

import datetime
import threading
import zoneinfo

import factory
import pytest
import time_machine

from beneficiaries.models import Program
from tests.factories import EntitlementFactory, ResidentFactory, UserFactory
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# "Now" in most tests: Tuesday 1 December 2026, 09:00 in Warsaw.
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=WARSAW)


def warsaw(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARSAW)


class WorkshopSessionFactory(factory.django.DjangoModelFactory):
    """A cooking session on Thursday 3 December 2026, 10:00–13:00 (two days after NOW)."""

    class Meta:
        model = WorkshopSession

    title = factory.Sequence(lambda n: f"Gotowanie z FEAD-em {n}")
    topic = Topic.COOKING
    starts_at = warsaw(2026, 12, 3, 10)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=3))
    capacity = 10
    location = "ul. Kasprowicza 2, kuchnia"
    leader = factory.SubFactory(UserFactory, role="workshop")


def fead_resident(day: datetime.date = datetime.date(2026, 12, 3), **resident_fields):
    """A resident with an active FEAD referral from a month before ``day`` to two months after."""
    resident = ResidentFactory(**resident_fields)
    EntitlementFactory(
        resident=resident,
        program=Program.FEAD,
        valid_from=day - datetime.timedelta(days=30),
        valid_to=day + datetime.timedelta(days=60),
        weekdays="1234567",
    )
    return resident


def add_signup(session, resident=None, *, status=SignupStatus.CONFIRMED, position=None, attended=None) -> Signup:
    """A sign-up written straight to the table (for setting up a state, not for testing the rules)."""
    return Signup.objects.create(
        session=session,
        resident=resident or fead_resident(),
        status=status,
        waitlist_position=position,
        attended=attended,
    )


@pytest.fixture
def now():
    """Freeze time at NOW (time still ticks, so ordering by creation time is meaningful)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def session(db, now, leader):
    return WorkshopSessionFactory(leader=leader, capacity=2)


def run_concurrently(function, arguments: list) -> tuple[list, list[BaseException]]:
    """Call ``function(argument)`` for every argument in its own thread, all released at once.

    Each thread uses its own database connection (closed at the end), as separate web workers
    would. Returns the results and the exceptions raised.
    """
    from django.db import connection

    barrier = threading.Barrier(len(arguments))
    results, errors, lock = [], [], threading.Lock()

    def worker(argument):
        try:
            barrier.wait(timeout=30)
            outcome = function(argument)
            with lock:
                results.append(outcome)
        except BaseException as error:  # noqa: BLE001 - reported to the test, which asserts on it
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors
