"""Sign-ups to one session queue on its row lock: under it only what decides the place
(bench B4: 50 at once for 12 places). The rules stay whole: see
test_concurrent_signups_never_overbook.py and test_signups_fill_places_then_the_waiting_list.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beneficiaries.models import Program
from config.audit import audit_record
from config.models import AuditEvent
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, add_signup
from workshops import services
from workshops.models import Signup, SignupStatus

FIELDS = ("actor_id", "action", "object_type", "object_id", "before", "after")


def _queries_of_a_signup(session, leader) -> list[str]:
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    with CaptureQueriesContext(connection) as queries:
        services.signup_create(session_id=session.pk, resident_id=resident.pk, by=leader)
    # The test's own transaction turns the service's into a savepoint: not a query of the sign-up.
    return [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]


@pytest.mark.postgres
@pytest.mark.django_db
def test_under_the_lock_a_sign_up_counts_the_places_once_and_writes_once(session, leader):
    add_signup(session)
    queries = _queries_of_a_signup(session, leader)

    locked = next(index for index, sql in enumerate(queries) if "FOR UPDATE" in sql)
    under_the_lock = queries[locked + 1 :]
    # The places with the resident's own active sign-up; the sign-up with its audit event.
    assert len(under_the_lock) == 2, under_the_lock
    assert "beneficiaries_entitlement" in " ".join(queries[:locked])


@pytest.mark.django_db
def test_the_event_of_a_sign_up_is_the_one_audit_record_writes(session, leader):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    add_signup(session), add_signup(session)  # both places
    for position in (1, 2):
        add_signup(session, status=SignupStatus.WAITLISTED, position=position)

    signup = services.signup_create(session_id=session.pk, resident_id=resident.pk, by=leader)

    written = AuditEvent.objects.get(action="signup.create")
    expected = audit_record(
        actor=leader,
        action="signup.create",
        obj=signup,
        after={"session": session.pk, "resident": resident.pk, "status": "waitlisted", "waitlist_position": 3},
    )
    assert {f: getattr(written, f) for f in FIELDS} == {f: getattr(expected, f) for f in FIELDS}
    assert Signup.objects.get(pk=signup.pk).created_at == signup.created_at
