import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, add_signup
from workshops import services
from workshops.models import SignupStatus


@pytest.mark.django_db
def test_a_sign_up_takes_the_same_queries_into_an_empty_or_a_crowded_session(
    session, leader, django_assert_num_queries
):
    first, later = eligible_resident(Program.FEAD, day=SESSION_DAY), eligible_resident(Program.FEAD, day=SESSION_DAY)
    with CaptureQueriesContext(connection) as empty:
        services.signup_create(session_id=session.pk, resident_id=first.pk, by=leader)
    add_signup(session)  # the second and last place
    for position in range(1, 30):
        add_signup(session, status=SignupStatus.WAITLISTED, position=position)
    with django_assert_num_queries(len(empty.captured_queries)):
        signup = services.signup_create(session_id=session.pk, resident_id=later.pk, by=leader)
    assert signup.waitlist_position == 30


@pytest.mark.django_db
def test_cancelling_renumbers_a_long_waiting_list_in_a_fixed_number_of_queries(
    session, leader, django_assert_num_queries
):
    def crowd(size):
        confirmed = [add_signup(session) for _ in range(2)]
        for position in range(1, size + 1):
            add_signup(session, status=SignupStatus.WAITLISTED, position=position)
        return confirmed

    short = crowd(2)
    with CaptureQueriesContext(connection) as few:
        services.signup_cancel(signup_id=short[0].pk, by=leader)
    services.session_cancel(session_id=session.pk, by=leader)
    session.status = "scheduled"
    session.save()
    long = crowd(40)
    with django_assert_num_queries(len(few.captured_queries)):
        services.signup_cancel(signup_id=long[0].pk, by=leader)
