"""The leader's pages through Django's test client: lists, forms, refusals as messages."""

import pytest
from django.test import Client

from beneficiaries.models import Program
from tests.factories import ResidentFactory, UserFactory, eligible_resident
from tests.support import logged_in_client, nothing_changed
from tests.workshops.conftest import SESSION_DAY, WorkshopSessionFactory, add_signup, warsaw
from workshops.models import SessionStatus, Signup, SignupStatus, WorkshopSession


@pytest.fixture
def leader_page(leader, frozen_clock):
    """Logged in at the frozen time (a login from the real clock would have expired by then)."""
    return logged_in_client(leader)


@pytest.mark.django_db
def test_the_list_shows_a_leaders_upcoming_sessions_with_counts(leader_page, leader, frozen_clock):
    mine = WorkshopSessionFactory(leader=leader, title="Moje zajęcia", capacity=2)
    add_signup(mine)
    add_signup(mine)
    add_signup(mine, status=SignupStatus.WAITLISTED, position=1)
    WorkshopSessionFactory(title="Zajęcia kolegi")
    WorkshopSessionFactory(leader=leader, title="Dawne zajęcia", starts_at=warsaw(2026, 11, 2, 10))

    html = leader_page.get("/workshops/").content.decode()

    assert "Moje zajęcia" in html
    assert "Zajęcia kolegi" not in html
    assert "Dawne zajęcia" not in html
    assert "2 / 2" in html
    assert 'class="waitlist-count">1<' in html
    assert "Dawne zajęcia" in leader_page.get("/workshops/?past=1").content.decode()


@pytest.mark.django_db
def test_a_leader_reads_every_session_when_asking_for_all(leader_page, leader, frozen_clock):
    WorkshopSessionFactory(leader=leader, title="Moje zajęcia")
    colleague = UserFactory(role="workshop", first_name="Jan", last_name="Kolega")
    WorkshopSessionFactory(leader=colleague, title="Zajęcia kolegi")

    mine = leader_page.get("/workshops/").content.decode()
    everyone = leader_page.get("/workshops/", {"who": "all"}).content.decode()

    assert 'href="?who=all"' in mine and 'aria-current="page">Moje<' in mine
    assert "Moje zajęcia" in everyone and "Zajęcia kolegi" in everyone
    assert "Jan Kolega" in everyone  # with all sessions comes the leader column


@pytest.mark.django_db
def test_a_coordinator_sees_every_leaders_sessions(coordinator, frozen_clock):
    WorkshopSessionFactory(title="Zajęcia Ani")
    WorkshopSessionFactory(title="Zajęcia Jana")
    html = logged_in_client(coordinator).get("/workshops/").content.decode()
    assert "Zajęcia Ani" in html
    assert "Zajęcia Jana" in html


@pytest.mark.django_db
def test_the_page_is_polish(leader_page, frozen_clock):
    html = leader_page.get("/workshops/").content.decode()
    assert 'lang="pl"' in html
    assert "Nadchodzące zajęcia" in html


@pytest.mark.django_db
def test_the_list_page_takes_a_fixed_number_of_queries(
    leader_page, leader, frozen_clock, django_assert_max_num_queries
):
    for day in range(3, 20):
        add_signup(WorkshopSessionFactory(leader=leader, starts_at=warsaw(2026, 12, day, 10)))
    with django_assert_max_num_queries(8):
        response = leader_page.get("/workshops/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_distribution_staff_are_turned_away_and_visitors_sent_to_log_in(distributor, frozen_clock):
    assert logged_in_client(distributor).get("/workshops/").status_code == 403
    assert Client().get("/workshops/").status_code == 302


@pytest.mark.django_db
def test_the_create_form_creates_a_session_and_shows_it(leader_page, leader, frozen_clock):
    response = leader_page.post(
        "/workshops/new/",
        {
            "title": "Chleb domowy",
            "topic": "cooking",
            "starts_at": "2026-12-04T10:00",
            "ends_at": "2026-12-04T13:00",
            "capacity": "6",
            "location": "Kuchnia",
        },
        follow=True,
    )
    session = WorkshopSession.objects.get(title="Chleb domowy")
    assert response.redirect_chain[-1][0] == f"/workshops/{session.pk}/"
    assert session.leader == leader
    assert session.starts_at == warsaw(2026, 12, 4, 10)
    assert "Chleb domowy" in response.content.decode()


@pytest.mark.django_db
def test_the_create_form_shows_errors_and_creates_nothing(leader_page, frozen_clock):
    response = leader_page.post(
        "/workshops/new/",
        {"title": "", "topic": "x", "starts_at": "2026-12-04T10:00", "ends_at": "2026-12-04T09:00", "capacity": "0"},
    )
    assert response.status_code == 200
    assert response.content.decode().count('class="error"') >= 3
    assert not WorkshopSession.objects.exists()


@pytest.mark.django_db
def test_only_a_coordinator_chooses_the_leader(leader_page, coordinator, frozen_clock):
    assert 'name="leader"' not in leader_page.get("/workshops/new/").content.decode()
    assert 'name="leader"' in logged_in_client(coordinator).get("/workshops/new/").content.decode()


@pytest.mark.django_db
def test_the_session_page_finds_residents_and_signs_them_up(leader_page, session):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY, last_name="Żółć", first_name="Łucja")
    ResidentFactory(last_name="Żółćkiewicz", first_name="Bez")  # found, but has no referral

    html = leader_page.get(f"/workshops/{session.pk}/", {"q": "zolc"}).content.decode()
    assert "Żółć Łucja" in html
    assert "Żółćkiewicz Bez" in html

    response = leader_page.post(
        f"/workshops/{session.pk}/signups/", {"resident": resident.pk, "q": "zolc"}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/workshops/{session.pk}/?q=zolc"
    assert Signup.objects.get(session=session, resident=resident).status == SignupStatus.CONFIRMED
    assert "Żółć Łucja" in response.content.decode()


@pytest.mark.django_db
def test_a_refused_sign_up_comes_back_as_a_message_with_reasons(leader_page, session):
    resident = ResidentFactory()
    response = leader_page.post(f"/workshops/{session.pk}/signups/", {"resident": resident.pk}, follow=True)
    html = response.content.decode()
    assert "msg-error" in html
    assert "brak skierowania FEAD" in html or "no FEAD referral" in html
    assert not Signup.objects.exists()


@pytest.mark.django_db
def test_bad_form_input_never_breaks_the_page(leader_page, session):
    with nothing_changed():
        for data in [{}, {"resident": "abc"}, {"resident": "9" * 40}]:
            response = leader_page.post(f"/workshops/{session.pk}/signups/", data, follow=True)
            assert response.status_code == 200
        assert leader_page.post(f"/workshops/{session.pk}/signups/", {"resident": 987654}).status_code == 404
        assert leader_page.post(f"/workshops/{session.pk}/capacity/", {"capacity": "x"}, follow=True).status_code == 200
    assert leader_page.get("/workshops/999999/").status_code == 404
    assert leader_page.get(f"/workshops/{session.pk}/", {"q": "x" * 5000}).status_code == 200


@pytest.mark.django_db
def test_cancelling_on_the_page_promotes_and_says_so(leader_page, session):
    first, _ = add_signup(session), add_signup(session)
    waiting = add_signup(
        session,
        eligible_resident(Program.FEAD, day=SESSION_DAY, last_name="Czekająca"),
        status=SignupStatus.WAITLISTED,
        position=1,
    )
    response = leader_page.post(f"/workshops/signups/{first.pk}/cancel/", follow=True)
    assert Signup.objects.get(pk=waiting.pk).status == SignupStatus.CONFIRMED
    assert "Czekająca" in response.content.decode()
    assert "msg-success" in response.content.decode()


@pytest.mark.django_db
def test_raising_places_on_the_page_promotes(leader_page, session):
    add_signup(session), add_signup(session)
    waiting = add_signup(session, status=SignupStatus.WAITLISTED, position=1)
    leader_page.post(f"/workshops/{session.pk}/capacity/", {"capacity": "3"})
    assert Signup.objects.get(pk=waiting.pk).status == SignupStatus.CONFIRMED
    response = leader_page.post(f"/workshops/{session.pk}/capacity/", {"capacity": "1"}, follow=True)
    assert "msg-error" in response.content.decode()


@pytest.mark.django_db
def test_cancelling_the_session_on_the_page_shows_it_cancelled(leader_page, session):
    signup = add_signup(session)
    response = leader_page.post(f"/workshops/{session.pk}/cancel/", follow=True)
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CANCELLED
    assert 'id="session-status"' in response.content.decode()


@pytest.mark.django_db
def test_the_attendance_checklist_appears_at_the_start(leader_page, leader, session, frozen_clock):
    signup = add_signup(session)
    assert "mark-present" not in leader_page.get(f"/workshops/{session.pk}/").content.decode()
    frozen_clock.move_to(session.starts_at)
    leader_page.force_login(leader)  # the working day's login has expired two days later
    assert "mark-present" in leader_page.get(f"/workshops/{session.pk}/").content.decode()
    leader_page.post(f"/workshops/signups/{signup.pk}/attendance/", {"attended": "0"})
    assert Signup.objects.get(pk=signup.pk).attended is False
    leader_page.post(f"/workshops/{session.pk}/mark-all-present/")
    assert Signup.objects.get(pk=signup.pk).attended is False
    leader_page.post(f"/workshops/signups/{signup.pk}/attendance/", {"attended": "1"})
    assert Signup.objects.get(pk=signup.pk).attended is True
    response = leader_page.post(f"/workshops/signups/{signup.pk}/attendance/", {"attended": "maybe"}, follow=True)
    assert "msg-error" in response.content.decode()


@pytest.mark.django_db
def test_the_session_page_takes_a_fixed_number_of_queries(leader_page, session, django_assert_max_num_queries):
    session.capacity = 20
    session.save()
    for _ in range(15):
        add_signup(session)
    for position in range(1, 6):
        add_signup(session, status=SignupStatus.WAITLISTED, position=position)
    with django_assert_max_num_queries(12):
        response = leader_page.get(f"/workshops/{session.pk}/", {"q": "a"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_residents_history_page_shows_no_shows(leader_page, frozen_clock):
    resident = eligible_resident(Program.FEAD, day=SESSION_DAY)
    held = WorkshopSessionFactory(starts_at=warsaw(2026, 11, 5, 10), title="Budżet domowy")
    add_signup(held, resident, attended=False)
    html = leader_page.get(f"/workshops/residents/{resident.pk}/").content.decode()
    assert "Budżet domowy" in html
    assert "badge bad" in html


@pytest.mark.django_db
def test_the_figures_page_shows_a_month(leader_page, frozen_clock):
    add_signup(WorkshopSessionFactory(starts_at=warsaw(2026, 12, 1, 5)), attended=True)  # ended at 8:00
    response = leader_page.get("/workshops/figures/", {"month": "2026-12"})
    assert response.status_code == 200
    assert 'id="distinct-participants">1<' in response.content.decode()
    assert leader_page.get("/workshops/figures/", {"month": "garbage"}).status_code == 200


@pytest.mark.django_db
def test_another_role_cannot_post_to_the_pages(distributor, session):
    signup = add_signup(session)
    client = logged_in_client(distributor)
    with nothing_changed():
        assert client.post(f"/workshops/signups/{signup.pk}/cancel/").status_code == 403
        assert client.post(f"/workshops/{session.pk}/cancel/").status_code == 403
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CONFIRMED


@pytest.mark.django_db
def test_a_user_from_another_group_is_not_a_leader(frozen_clock):
    assert logged_in_client(UserFactory()).get("/workshops/").status_code == 403
