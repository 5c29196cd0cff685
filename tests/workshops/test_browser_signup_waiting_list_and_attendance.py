"""A leader at a tablet, in real Chromium against the live server."""

import datetime

import pytest
from django.utils import timezone

from beneficiaries.models import Program
from tests.factories import UserFactory, eligible_resident
from tests.workshops.conftest import WorkshopSessionFactory, add_signup
from workshops.models import Signup, SignupStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upcoming_session(leader, capacity=2):
    """A session the day after tomorrow, 10:00–13:00 Warsaw time (real clock: the server runs it)."""
    day = timezone.localdate() + datetime.timedelta(days=2)
    starts_at = datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_default_timezone())
    return WorkshopSessionFactory(leader=leader, capacity=capacity, title="Pierogi z FEAD-em", starts_at=starts_at)


def running_session(leader):
    """A session that started an hour ago."""
    return WorkshopSessionFactory(
        leader=leader, capacity=5, title="Zupy z resztek", starts_at=timezone.now() - datetime.timedelta(hours=1)
    )


def sign_up_from_search(page, last_name):
    row = page.locator("#search-results tr", has_text=last_name)
    row.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_signing_up_until_full_then_onto_the_waiting_list(login_page, live_server):
    leader = UserFactory(username="prowadzaca", role="workshop")
    session = upcoming_session(leader, capacity=2)
    day = session.starts_at.date()
    for last_name, first_name in [("Kowalska", "Anna"), ("Kowalski", "Jan"), ("Kowalczyk", "Ewa")]:
        eligible_resident(Program.FEAD, day=day, last_name=last_name, first_name=first_name)

    page = login_page(leader)
    page.click("nav.mainnav a[href='/workshops/']")
    page.click(f"a[href='/workshops/{session.pk}/']")
    page.fill("#id_q", "kowal")
    page.press("#id_q", "Enter")
    page.wait_for_load_state("networkidle")

    sign_up_from_search(page, "Kowalska")
    sign_up_from_search(page, "Kowalski")
    assert page.locator("#confirmed-count").inner_text().startswith(("Potwierdzeni: 2", "Confirmed: 2"))
    sign_up_from_search(page, "Kowalczyk")

    assert page.locator(".msg-warning").count() == 1
    assert page.locator("#confirmed tbody tr").count() == 2
    waiting = page.locator("#waiting tbody tr")
    assert waiting.count() == 1
    assert "Kowalczyk Ewa" in waiting.inner_text()
    assert waiting.get_attribute("data-position") == "1"
    assert page.locator("#search-results tr", has_text="Kowalczyk").locator("button").count() == 0


def test_cancelling_a_confirmed_place_shows_the_promotion(login_page, live_server):
    leader = UserFactory(username="prowadzacy", role="workshop")
    session = upcoming_session(leader, capacity=2)
    day = session.starts_at.date()
    first = add_signup(session, eligible_resident(Program.FEAD, day=day, last_name="Nowak", first_name="Adam"))
    add_signup(session, eligible_resident(Program.FEAD, day=day, last_name="Wiśniewska", first_name="Ola"))
    waiting = add_signup(
        session,
        eligible_resident(Program.FEAD, day=day, last_name="Łęcka", first_name="Zofia"),
        status=SignupStatus.WAITLISTED,
        position=1,
    )

    page = login_page(leader)
    page.goto(f"{live_server.url}/workshops/{session.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator(f"#signup-{first.pk} button.cancel-signup").click()
    page.wait_for_load_state("networkidle")

    assert page.locator(".msg-success", has_text="Łęcka Zofia").count() == 1
    assert page.locator(f"#signup-{waiting.pk}").count() == 1  # now among the confirmed
    assert page.locator("#waiting tbody tr").count() == 0
    assert page.locator("#cancelled li", has_text="Nowak Adam").count() == 1
    assert Signup.objects.get(pk=waiting.pk).status == SignupStatus.CONFIRMED


def test_declining_the_confirmation_keeps_the_sign_up(login_page, live_server):
    leader = UserFactory(username="ostrozna", role="workshop")
    session = upcoming_session(leader)
    signup = add_signup(session, eligible_resident(Program.FEAD, day=session.starts_at.date()))

    page = login_page(leader)
    page.goto(f"{live_server.url}/workshops/{session.pk}/")
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.locator(f"#signup-{signup.pk} button.cancel-signup").click()

    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CONFIRMED


def test_marking_attendance_all_present_then_correcting_one(login_page, live_server):
    leader = UserFactory(username="kucharka", role="workshop")
    session = running_session(leader)
    day = timezone.localdate(session.starts_at)
    came = add_signup(session, eligible_resident(Program.FEAD, day=day, last_name="Obecna", first_name="Ala"))
    missed = add_signup(session, eligible_resident(Program.FEAD, day=day, last_name="Nieobecny", first_name="Bogdan"))

    page = login_page(leader)
    page.goto(f"{live_server.url}/workshops/{session.pk}/")
    page.click("#mark-all-present")
    page.wait_for_load_state("networkidle")
    assert page.locator(f"#signup-{came.pk}").get_attribute("data-attended") == "yes"
    assert page.locator(f"#signup-{missed.pk}").get_attribute("data-attended") == "yes"

    page.locator(f"#signup-{missed.pk} button.mark-absent").click()
    page.wait_for_load_state("networkidle")

    assert page.locator(f"#signup-{missed.pk}").get_attribute("data-attended") == "no"
    assert page.locator(f"#signup-{missed.pk} button.mark-absent").get_attribute("aria-pressed") == "true"
    counts = page.locator("#attendance-counts").inner_text()
    assert "1" in counts
    assert Signup.objects.get(pk=came.pk).attended is True
    assert Signup.objects.get(pk=missed.pk).attended is False


def test_creating_a_session_from_the_list_page(login_page, live_server):
    leader = UserFactory(username="nowa", role="workshop")
    page = login_page(leader)
    page.goto(f"{live_server.url}/workshops/")
    page.click("a[href='/workshops/new/']")
    page.fill("#id_title", "Budżet domowy bez tajemnic")
    page.select_option("#id_topic", "budgeting")
    day = timezone.localdate() + datetime.timedelta(days=7)
    page.fill("#id_starts_at", f"{day:%Y-%m-%d}T10:00")
    page.fill("#id_ends_at", f"{day:%Y-%m-%d}T12:00")
    page.fill("#id_capacity", "8")
    page.fill("#id_location", "Sala 1")
    page.click("button[type=submit].primary")
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").first.inner_text() == "Budżet domowy bez tajemnic"
    page.click("nav.mainnav a[href='/workshops/']")
    assert page.locator("table.sessions tbody tr", has_text="Budżet domowy bez tajemnic").count() == 1


def test_at_the_door_the_first_waiting_takes_the_place_of_one_who_did_not_come(login_page, live_server):
    leader = UserFactory(username="drzwi", role="workshop")
    session = WorkshopSessionFactory(
        leader=leader, capacity=1, title="Kasze", starts_at=timezone.now() - datetime.timedelta(minutes=3)
    )
    day = session.starts_at.date()
    missing = add_signup(session, eligible_resident(Program.FEAD, day=day, last_name="Nieobecna", first_name="Ola"))
    first = add_signup(
        session,
        eligible_resident(Program.FEAD, day=day, last_name="Czekająca", first_name="Ewa"),
        status=SignupStatus.WAITLISTED,
        position=1,
    )

    page = login_page(leader)
    page.goto(f"{live_server.url}/workshops/{session.pk}/")
    assert page.locator("#door").count() == 1
    page.locator(f"#signup-{missing.pk} button.mark-absent").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Wpuść pierwszą osobę z listy rezerwowej").click()
    page.wait_for_load_state("networkidle")

    assert "Czekająca Ewa zajmuje miejsce nieobecnej osoby" in page.inner_text("body")
    assert page.locator(f"#signup-{first.pk} button.mark-present").get_attribute("aria-pressed") == "true"
    first.refresh_from_db()
    assert (first.status, first.attended) == (SignupStatus.CONFIRMED, True)
    assert Signup.objects.filter(session=session, status=SignupStatus.CONFIRMED).count() == 1
