import datetime

import pytest

from beneficiaries.models import EntitlementStatus, Program
from tests.factories import EntitlementFactory, ResidentFactory, eligible_resident
from tests.support import nothing_changed
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, sign_up, warsaw
from workshops.models import Signup, SignupStatus


def referred(valid_from, valid_to, **fields):
    resident = ResidentFactory()
    EntitlementFactory(
        resident=resident, program=Program.FEAD, valid_from=valid_from, valid_to=valid_to, weekdays="1234567", **fields
    )
    return resident


@pytest.mark.django_db
def test_a_second_active_sign_up_of_the_same_resident_is_a_409(workshop_client, session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    first = sign_up(workshop_client, session, resident.pk)
    with nothing_changed():
        second = sign_up(workshop_client, session, resident.pk)
    assert second.status_code == 409
    assert second.json()["code"] == "already_signed_up"
    assert second.json()["detail"]
    assert second.json()["signup"] == first.json()["id"]
    assert Signup.objects.filter(session=session, resident=resident).count() == 1


@pytest.mark.django_db
def test_the_same_resident_may_sign_up_again_after_cancelling(workshop_client, session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    first = sign_up(workshop_client, session, resident.pk).json()["id"]
    workshop_client.post(f"/api/v1/workshops/signups/{first}/cancel/")
    assert sign_up(workshop_client, session, resident.pk).status_code == 201


@pytest.mark.django_db
def test_a_resident_without_a_fead_referral_is_refused_with_reasons(workshop_client, session):
    resident = ResidentFactory()
    EntitlementFactory(resident=resident, program=Program.HOT_MEAL)  # a meal decision is not a referral
    with nothing_changed():
        response = sign_up(workshop_client, session, resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "not_eligible"
    assert response.json()["reasons"] == ["no_entitlement"]
    assert response.json()["detail"]
    assert not Signup.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("valid_from", "valid_to", "fields", "reason"),
    [
        (datetime.date(2026, 1, 1), datetime.date(2026, 12, 2), {}, "entitlement_expired"),
        (datetime.date(2026, 12, 4), datetime.date(2027, 3, 1), {}, "entitlement_not_started"),
        (
            datetime.date(2026, 11, 1),
            datetime.date(2027, 3, 1),
            {"status": EntitlementStatus.SUSPENDED},
            "entitlement_suspended",
        ),
    ],
)
def test_the_referral_must_be_active_on_the_sessions_date(
    workshop_client, session, valid_from, valid_to, fields, reason
):
    resident = referred(valid_from, valid_to, **fields)
    with nothing_changed():
        response = sign_up(workshop_client, session, resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "not_eligible"
    assert reason in response.json()["reasons"]


@pytest.mark.django_db
def test_a_referral_valid_today_but_not_on_the_sessions_date_is_not_enough(workshop_client, frozen_clock):
    later = WorkshopSessionFactory(starts_at=warsaw(2027, 1, 14, 10))
    resident = referred(datetime.date(2026, 11, 1), datetime.date(2026, 12, 31))
    with nothing_changed():
        response = sign_up(workshop_client, later, resident.pk)
    assert response.status_code == 422
    assert response.json()["reasons"] == ["entitlement_expired"]


@pytest.mark.django_db
def test_the_sessions_date_is_its_warsaw_date(workshop_client, frozen_clock):
    # 00:30 on 4 December in Warsaw is 3 December in UTC; the referral starts on the 4th.
    midnight = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 4, 0, 30))
    resident = referred(datetime.date(2026, 12, 4), datetime.date(2027, 3, 1))
    assert sign_up(workshop_client, midnight, resident.pk).status_code == 201


@pytest.mark.django_db
def test_an_inactive_resident_is_refused(workshop_client, session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY, is_active=False)
    with nothing_changed():
        response = sign_up(workshop_client, session, resident.pk)
    assert response.status_code == 422
    assert response.json()["reasons"] == ["inactive_resident"]


@pytest.mark.django_db
def test_sign_ups_close_when_the_session_starts(workshop_client, session, frozen_clock):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    frozen_clock.move_to(session.starts_at)
    with nothing_changed():
        response = sign_up(workshop_client, session, resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "session_closed"
    assert response.json()["detail"]


@pytest.mark.django_db
def test_a_session_entered_after_the_fact_takes_no_sign_ups(workshop_client, frozen_clock):
    past = WorkshopSessionFactory(starts_at=warsaw(2026, 11, 30, 10))
    resident = eligible_resident(Program.FEAD, day=datetime.date(2026, 11, 30))
    with nothing_changed():
        response = sign_up(workshop_client, past, resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "session_closed"


@pytest.mark.django_db
def test_a_cancelled_session_takes_no_sign_ups(workshop_client, session):
    workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/cancel/")
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    with nothing_changed():
        response = sign_up(workshop_client, session, resident.pk)
    assert response.status_code == 422
    assert response.json()["code"] == "session_closed"


@pytest.mark.django_db
@pytest.mark.parametrize("resident_id", [999999, 10**18])
def test_an_unknown_resident_is_a_404(workshop_client, session, resident_id):
    with nothing_changed():
        response = sign_up(workshop_client, session, resident_id)
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_resident"


@pytest.mark.django_db
@pytest.mark.parametrize("resident_id", ["abc", 1.5, None, [1], {"id": 1}, True, 0, -1, 10**30])
def test_a_resident_id_of_the_wrong_kind_is_a_400(workshop_client, session, resident_id):
    with nothing_changed():
        response = sign_up(workshop_client, session, resident_id)
    assert response.status_code == 400
    assert "resident" in response.json()


@pytest.mark.django_db
def test_a_missing_resident_is_a_400(workshop_client, session):
    with nothing_changed():
        response = workshop_client.post(f"/api/v1/workshops/sessions/{session.pk}/signups/", {}, format="json")
    assert response.status_code == 400
    assert "resident" in response.json()


@pytest.mark.django_db
def test_refusals_leave_places_untouched(workshop_client, session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    sign_up(workshop_client, session, resident.pk)
    sign_up(workshop_client, session, resident.pk)
    sign_up(workshop_client, session, ResidentFactory().pk)
    assert list(Signup.objects.values_list("status", flat=True)) == [SignupStatus.CONFIRMED]
