"""The selectors the printing issue builds the attendance list ("Lista obecności") from."""

import datetime

import pytest

from beneficiaries.models import EntitlementStatus, Program
from tests.factories import EntitlementFactory, ResidentFactory, UserFactory, eligible_resident
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SessionStatus, SignupStatus, WorkshopSession
from workshops.selectors import AttendanceRow, attendance_sheet, sessions_starting_on


@pytest.mark.django_db
def test_the_sheet_lists_confirmed_participants_in_polish_alphabetical_order(frozen_clock):
    session = WorkshopSessionFactory(
        title="Zupy & <sosy>", leader=UserFactory(first_name="Anna", last_name="Kęska", role="workshop")
    )
    for last, first in [("Łoś", "Ewa"), ("Lis", "Żaneta"), ("Lis", "Adam"), ("Mazur", "Ćma"), ("Śliwa", "Jan")]:
        add_signup(session, eligible_resident(Program.FEAD, day=SESSION_DAY, last_name=last, first_name=first))
    add_signup(
        session,
        eligible_resident(Program.FEAD, day=SESSION_DAY, last_name="Aaa"),
        status=SignupStatus.WAITLISTED,
        position=1,
    )
    add_signup(
        session, eligible_resident(Program.FEAD, day=SESSION_DAY, last_name="Aab"), status=SignupStatus.CANCELLED
    )

    sheet = attendance_sheet(session_id=session.pk)

    assert [(row.last_name, row.first_name) for row in sheet.rows] == [
        ("Lis", "Adam"),
        ("Lis", "Żaneta"),
        ("Łoś", "Ewa"),
        ("Mazur", "Ćma"),
        ("Śliwa", "Jan"),
    ]
    assert sheet.title == "Zupy & <sosy>"
    assert sheet.leader_name == "Anna Kęska"
    assert sheet.topic == "cooking"
    assert sheet.status == "scheduled"
    assert sheet.starts_at == session.starts_at
    assert sheet.location == session.location


@pytest.mark.django_db
def test_the_theme_label_is_translated(frozen_clock):
    from django.utils import translation

    session = WorkshopSessionFactory(topic="food_waste")
    with translation.override("en"):
        assert attendance_sheet(session_id=session.pk).topic_label == "Not wasting food"


@pytest.mark.django_db
def test_each_row_carries_the_referral_valid_on_the_sessions_date(frozen_clock):
    session = WorkshopSessionFactory()
    resident = ResidentFactory(last_name="Nowak")
    EntitlementFactory(
        resident=resident,
        program=Program.FEAD,
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2026, 11, 30),
        document_number="SK/OLD",
        weekdays="1234567",
    )
    EntitlementFactory(
        resident=resident,
        program=Program.FEAD,
        valid_from=datetime.date(2026, 12, 1),
        valid_to=datetime.date(2027, 5, 31),
        document_number="SK/2026/12",
        weekdays="1234567",
    )
    EntitlementFactory(resident=resident, program=Program.HOT_MEAL, document_number="DEC/1")
    add_signup(session, resident, attended=True)
    without = ResidentFactory(last_name="Zyg")
    add_signup(session, without)

    rows = attendance_sheet(session_id=session.pk).rows

    assert rows == [
        AttendanceRow(last_name="Nowak", first_name=resident.first_name, document_number="SK/2026/12", attended=True),
        AttendanceRow(last_name="Zyg", first_name=without.first_name, document_number="", attended=None),
    ]


@pytest.mark.django_db
def test_an_active_referral_is_preferred_to_a_suspended_one(frozen_clock):
    session = WorkshopSessionFactory()
    resident = ResidentFactory()
    for number, status in [("SK/SUSP", EntitlementStatus.SUSPENDED), ("SK/ACT", EntitlementStatus.ACTIVE)]:
        EntitlementFactory(
            resident=resident,
            program=Program.FEAD,
            valid_from=datetime.date(2026, 11, 1),
            valid_to=datetime.date(2027, 1, 31),
            document_number=number,
            status=status,
        )
    add_signup(session, resident)
    assert attendance_sheet(session_id=session.pk).rows[0].document_number == "SK/ACT"


@pytest.mark.django_db
def test_the_sheet_takes_two_queries_whatever_the_group_size(frozen_clock, django_assert_num_queries):
    session = WorkshopSessionFactory(capacity=30)
    for _ in range(25):
        add_signup(session)
    with django_assert_num_queries(2):
        sheet = attendance_sheet(session_id=session.pk)
    assert len(sheet.rows) == 25


@pytest.mark.django_db
def test_an_unknown_session_raises_does_not_exist():
    with pytest.raises(WorkshopSession.DoesNotExist):
        attendance_sheet(session_id=123456)


@pytest.mark.django_db
def test_sessions_starting_on_a_day_follow_the_warsaw_calendar_and_skip_cancelled(frozen_clock):
    morning = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 9))
    midnight = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 0, 15))
    WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 12), status=SessionStatus.CANCELLED)
    WorkshopSessionFactory(starts_at=warsaw(2026, 12, 2, 23, 45))
    WorkshopSessionFactory(starts_at=warsaw(2026, 12, 4, 0, 0))
    assert sessions_starting_on(day=datetime.date(2026, 12, 3)) == [midnight.pk, morning.pk]


@pytest.mark.django_db
def test_sessions_starting_on_a_daylight_saving_day_are_found(frozen_clock):
    # 29 March 2026 has 23 hours in Warsaw.
    late = WorkshopSessionFactory(starts_at=warsaw(2026, 3, 29, 23, 30))
    assert sessions_starting_on(day=datetime.date(2026, 3, 29)) == [late.pk]
    assert sessions_starting_on(day=datetime.date(2026, 3, 30)) == []
