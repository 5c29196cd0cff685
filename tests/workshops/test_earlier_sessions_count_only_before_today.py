"""A leader's "earlier sessions" and the no-show badge count only sessions before today."""

import pytest

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SessionStatus
from workshops.selectors import ResidentRecord, residents_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def marta(frozen_clock):
    """Marta missed a session last week and one this morning, came to one yesterday, and was marked
    absent at a session that was then cancelled."""
    marta = eligible_resident(Program.FEAD, day=SESSION_DAY)
    add_signup(WorkshopSessionFactory(starts_at=warsaw(2026, 12, 2, 10)), marta, attended=True)
    add_signup(WorkshopSessionFactory(starts_at=warsaw(2026, 11, 26, 10)), marta, attended=False)
    add_signup(
        WorkshopSessionFactory(starts_at=warsaw(2026, 11, 27, 10), status=SessionStatus.CANCELLED),
        marta,
        attended=False,
    )
    add_signup(WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 8)), marta, attended=False)
    frozen_clock.move_to(warsaw(2026, 12, 3, 12))
    return marta


def test_a_no_show_this_morning_is_not_yet_an_earlier_session(marta):
    assert residents_records(resident_ids=[marta.pk]) == {marta.pk: ResidentRecord(attended=1, no_shows=1)}


def test_tomorrow_the_morning_counts_too(marta, frozen_clock):
    frozen_clock.move_to(warsaw(2026, 12, 4, 8))
    assert residents_records(resident_ids=[marta.pk]) == {marta.pk: ResidentRecord(attended=1, no_shows=2)}


def test_someone_with_no_earlier_session_has_an_empty_record(frozen_clock):
    newcomer = eligible_resident(Program.FEAD, day=SESSION_DAY)
    assert residents_records(resident_ids=[newcomer.pk]) == {newcomer.pk: ResidentRecord(attended=0, no_shows=0)}
