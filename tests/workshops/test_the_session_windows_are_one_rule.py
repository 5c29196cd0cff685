"""When a session takes sign-ups, takes attendance and may be cancelled is decided once, on the
session (``sign_up_open``, ``attendance_open``, ``may_be_cancelled``): the services refuse by it
and the leader's page offers only what it allows."""

import datetime

import pytest

from tests.support import logged_in_client
from tests.workshops.conftest import add_signup
from workshops.models import SessionStatus

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def test_sign_ups_are_open_until_the_start(session):
    assert session.sign_up_open(session.starts_at - MINUTE)
    assert not session.sign_up_open(session.starts_at)
    assert not session.attendance_open(session.starts_at - MINUTE)
    assert session.attendance_open(session.starts_at)


def test_a_cancelled_session_takes_neither_sign_ups_nor_attendance(session):
    session.status = SessionStatus.CANCELLED

    assert not session.sign_up_open(session.starts_at - MINUTE)
    assert not session.attendance_open(session.starts_at + MINUTE)
    assert not session.may_be_cancelled([])


def test_a_session_with_attendance_recorded_may_not_be_cancelled(session):
    add_signup(session, attended=None)
    assert session.may_be_cancelled(session.signups.all())

    add_signup(session, attended=False)
    assert not session.may_be_cancelled(session.signups.all())


def test_the_page_offers_cancelling_only_while_the_session_may_be_cancelled(session, leader, frozen_clock):
    page = logged_in_client(leader)
    add_signup(session, attended=None)
    assert 'id="cancel-session"' in page.get(f"/workshops/{session.pk}/").content.decode()

    frozen_clock.move_to(session.starts_at + MINUTE)
    add_signup(session, attended=False)

    assert 'id="cancel-session"' not in page.get(f"/workshops/{session.pk}/").content.decode()
