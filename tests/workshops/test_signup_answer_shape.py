"""The workshops API writes its sign-ups out directly (fifty at once wait for the CPU; DRF's field
machinery was a tenth of each); every answer must stay what the declared fields, the documented
shape, would say through DRF's own machinery."""

import json

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from beneficiaries.models import Program
from tests.factories import eligible_resident
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, sign_up, warsaw
from workshops import services
from workshops.models import Signup, SignupStatus
from workshops.serializers import HistorySignupSerializer, SignupSerializer

pytestmark = pytest.mark.django_db


def _as_json(data) -> dict:
    return json.loads(JSONRenderer().render(data))


def _by_the_declared_fields(serializer_class, signup_id: int) -> dict:
    signup = Signup.objects.select_related("resident", "session__leader").get(pk=signup_id)
    serializer = serializer_class(signup)
    return _as_json(serializers.ModelSerializer.to_representation(serializer, signup))


def test_a_confirmed_and_a_waiting_sign_up_answer_as_the_declared_fields_say(session, workshop_client):
    answers = [
        sign_up(workshop_client, session, eligible_resident(Program.FEAD, day=SESSION_DAY, last_name=name).pk).json()
        for name in ("Żółć & <Syn>", "Nowak", "Łąka")
    ]

    assert [answer["status"] for answer in answers] == ["confirmed", "confirmed", "waitlisted"]
    for answer in answers:
        assert answer == _by_the_declared_fields(SignupSerializer, answer["id"])


def test_the_list_a_cancelled_sign_up_and_attendance_read_the_same_both_ways(session, workshop_client, leader):
    kept, cancelled = add_signup(session), add_signup(session)
    services.signup_cancel(signup_id=cancelled.pk, by=leader)

    listed = workshop_client.get(f"/api/v1/workshops/sessions/{session.pk}/signups/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed

    assert {row["id"] for row in rows} >= {kept.pk}
    for row in rows:
        assert row == _by_the_declared_fields(SignupSerializer, row["id"])
    detail = workshop_client.get(f"/api/v1/workshops/signups/{cancelled.pk}/").json()
    assert detail["cancelled_at"] is not None
    assert detail == _by_the_declared_fields(SignupSerializer, cancelled.pk)


def test_an_attended_sign_up_and_the_residents_history_read_the_same_both_ways(
    frozen_clock, coordinator_client, coordinator
):
    held = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 1, 8), capacity=3)
    signup = add_signup(held)
    marked = coordinator_client.post(
        f"/api/v1/workshops/signups/{signup.pk}/attendance/", {"attended": True}, format="json"
    ).json()
    assert marked["attended"] is True
    assert marked == _by_the_declared_fields(SignupSerializer, signup.pk)

    history = coordinator_client.get(f"/api/v1/workshops/residents/{signup.resident_id}/signups/").json()
    rows = history["results"] if isinstance(history, dict) else history

    assert [row["id"] for row in rows] == [signup.pk]
    assert rows[0]["session"]["title"] == held.title
    assert rows[0] == _by_the_declared_fields(HistorySignupSerializer, signup.pk)
    assert signup.status == SignupStatus.CONFIRMED
