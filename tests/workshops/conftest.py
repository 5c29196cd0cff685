"""Helpers for the workshop tests: sessions at known Warsaw times, two days after the tests' "now"."""

import datetime

import factory
import pytest

from beneficiaries.models import Program
from tests.factories import UserFactory, eligible_resident
from tests.support import WARSAW
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession

# "Now" in the workshop tests: Tuesday 1 December 2026, 09:00 in Warsaw.
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=WARSAW)
# The day WorkshopSessionFactory's sessions are held on.
SESSION_DAY = datetime.date(2026, 12, 3)


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


def add_signup(session, resident=None, *, status=SignupStatus.CONFIRMED, position=None, attended=None) -> Signup:
    """A sign-up written straight to the table (for setting up a state, not for testing the rules)."""
    return Signup.objects.create(
        session=session,
        resident=resident or eligible_resident(Program.FEAD, day=SESSION_DAY),
        status=status,
        waitlist_position=position,
        attended=attended,
    )


def sign_up(client, session, resident_id):
    """A sign-up through the API, as the leader's tablet sends it."""
    return client.post(f"/api/v1/workshops/sessions/{session.pk}/signups/", {"resident": resident_id}, format="json")


def fill(client, session, count: int) -> list[int]:
    """Sign ``count`` newly referred residents up through the API; the ids of their sign-ups, in order."""
    return [
        sign_up(client, session, eligible_resident(Program.FEAD, day=SESSION_DAY).pk).json()["id"] for _ in range(count)
    ]


@pytest.fixture
def frozen_moment():
    """The workshop tests live two days before their sessions: Tuesday 1 December 2026, 09:00 in Warsaw."""
    return NOW


@pytest.fixture
def session(db, frozen_clock, leader):
    return WorkshopSessionFactory(leader=leader, capacity=2)
