import datetime

import pytest

from tests.support import nothing_changed
from tests.workshops.conftest import WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SignupStatus

URL = "/api/v1/workshops/sessions/"


@pytest.mark.django_db
def test_each_session_carries_its_confirmed_and_waiting_counts(workshop_client, session):
    add_signup(session)
    add_signup(session)
    add_signup(session, status=SignupStatus.WAITLISTED, position=1)
    add_signup(session, status=SignupStatus.CANCELLED)
    data = workshop_client.get(URL).json()
    assert data["count"] == 1
    assert data["results"][0]["confirmed_count"] == 2
    assert data["results"][0]["waitlist_count"] == 1


@pytest.mark.django_db
def test_from_and_to_are_warsaw_calendar_days(workshop_client, frozen_clock):
    # 00:30 in Warsaw on 4 December is still 3 December in UTC.
    just_after_midnight = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 4, 0, 30))
    late_evening = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 3, 23, 30))
    WorkshopSessionFactory(starts_at=warsaw(2026, 12, 5, 10))
    response = workshop_client.get(URL, {"from": "2026-12-04", "to": "2026-12-04"})
    assert [s["id"] for s in response.json()["results"]] == [just_after_midnight.pk]
    response = workshop_client.get(URL, {"to": "2026-12-03"})
    assert [s["id"] for s in response.json()["results"]] == [late_evening.pk]


@pytest.mark.django_db
def test_the_list_is_ordered_by_start_and_paginated(workshop_client, frozen_clock):
    later = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 10, 10))
    sooner = WorkshopSessionFactory(starts_at=warsaw(2026, 12, 8, 10))
    data = workshop_client.get(URL, {"page_size": 1}).json()
    assert data["count"] == 2
    assert data["next"] is not None
    assert data["previous"] is None
    assert [s["id"] for s in data["results"]] == [sooner.pk]
    second = workshop_client.get(URL, {"page_size": 1, "page": 2}).json()
    assert [s["id"] for s in second["results"]] == [later.pk]


@pytest.mark.django_db
def test_listing_takes_the_same_queries_for_one_or_many_sessions(
    workshop_client, frozen_clock, django_assert_num_queries
):
    first = WorkshopSessionFactory()
    add_signup(first)
    workshop_client.get(URL)  # the user's role is read once and then remembered
    # The count for pagination, then the page itself with both counts.
    with django_assert_num_queries(2) as one:
        workshop_client.get(URL)
    for day in range(5, 15):
        other = WorkshopSessionFactory(starts_at=warsaw(2026, 12, day, 10))
        add_signup(other)
        add_signup(other, status=SignupStatus.WAITLISTED, position=1)
    with django_assert_num_queries(len(one.captured_queries)):
        response = workshop_client.get(URL)
    assert response.json()["count"] == 11


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"from": "2026-13-01"}, {"to": "yesterday"}, {"from": "2026-12-05", "to": "2026-12-01"}]
)
def test_bad_dates_are_a_400(workshop_client, frozen_clock, params):
    assert workshop_client.get(URL, params).status_code == 400


@pytest.mark.django_db
def test_one_session_reads_with_its_counts(workshop_client, session):
    add_signup(session)
    response = workshop_client.get(f"{URL}{session.pk}/")
    assert response.status_code == 200
    assert response.json()["confirmed_count"] == 1
    assert response.json()["ends_at"] == (session.starts_at + datetime.timedelta(hours=3)).isoformat()


@pytest.mark.django_db
@pytest.mark.parametrize("session_id", [999999, 10**30])
def test_an_unknown_session_is_a_404(workshop_client, frozen_clock, session_id):
    assert workshop_client.get(f"{URL}{session_id}/").status_code == 404
    assert workshop_client.get(f"{URL}{session_id}/signups/").status_code == 404
    with nothing_changed():
        assert workshop_client.post(f"{URL}{session_id}/signups/", {"resident": 1}, format="json").status_code == 404
        assert workshop_client.post(f"{URL}{session_id}/cancel/").status_code == 404
        assert workshop_client.patch(f"{URL}{session_id}/", {"capacity": 3}, format="json").status_code == 404
