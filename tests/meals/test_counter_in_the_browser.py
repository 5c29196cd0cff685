"""The counter screen in real Chromium: scan, search, serve, refuse twice, undo, survive a lost network."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from meals.models import MealIssue
from tests.factories import UserFactory, eligible_resident
from tests.meals.helpers import scan as _scan
from tests.support import DAY, NOW

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("frozen_clock")]


def test_scanning_a_card_shows_the_resident_and_enter_serves_the_meal(counter):
    resident = eligible_resident(first_name="Jan", last_name="Kowalski", diet=["diabetic"], allergies="orzechy")
    counter.reload()  # the summary counts the resident created after the page opened
    expect(counter.locator("#summary")).to_have_text("Wydano 0 z 1 oczekiwanych")

    _scan(counter, resident.card_number)

    state = counter.locator("#state")
    expect(state).to_have_attribute("data-state", "may_eat")
    expect(state).to_have_text("Może zjeść")
    expect(counter.locator("#resident-name")).to_have_text("Kowalski Jan")
    expect(counter.locator("#flags")).to_contain_text("Alergie: orzechy")
    expect(counter.locator("#lookup")).to_be_focused()

    counter.keyboard.press("Enter")  # one key issues the meal

    expect(state).to_have_attribute("data-state", "served")
    expect(state).to_contain_text("Wydano o 11:3")
    expect(counter.locator("#summary")).to_have_text("Wydano 1 z 1 oczekiwanych")
    expect(counter.locator("#recent tr[data-issue]")).to_have_count(1)
    issue = MealIssue.objects.get()
    assert (issue.resident_id, issue.issued_by.username, issue.date) == (resident.pk, "lena", DAY)


def test_a_name_typed_without_polish_letters_finds_the_resident_and_a_tap_serves(counter):
    resident = eligible_resident(first_name="Łucja", last_name="Żółkiewska")
    eligible_resident(first_name="Anna", last_name="Nowak")

    counter.keyboard.type("zolkiewska")
    counter.keyboard.press("Enter")

    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")
    expect(counter.locator("#resident-name")).to_have_text("Żółkiewska Łucja")
    counter.locator("#takeaway").check()
    counter.locator("#collected-by").fill("Córka Maria")
    counter.locator("#issue").click()

    expect(counter.locator("#state")).to_have_attribute("data-state", "served")
    issue = MealIssue.objects.get()
    assert (issue.resident_id, issue.takeaway, issue.collected_by) == (resident.pk, True, "Córka Maria")
    expect(counter.locator("#lookup")).to_be_focused()


def test_several_matches_are_chosen_with_the_arrow_keys(counter):
    eligible_resident(first_name="Adam", last_name="Nowak")
    second = eligible_resident(first_name="Zenon", last_name="Nowak")

    counter.keyboard.type("nowak")
    counter.keyboard.press("Enter")
    expect(counter.locator("#results .result")).to_have_count(2)
    counter.keyboard.press("ArrowDown")  # the first
    counter.keyboard.press("ArrowDown")  # the second
    counter.keyboard.press("Enter")

    expect(counter.locator("#resident-name")).to_have_text("Nowak Zenon")
    counter.keyboard.press("Enter")
    expect(counter.locator("#state")).to_have_attribute("data-state", "served")
    assert MealIssue.objects.get().resident_id == second.pk


def test_a_second_scan_shows_already_served_with_the_time_and_who(counter):
    resident = eligible_resident()
    colleague = UserFactory(username="anna", role="distribution", first_name="Anna", last_name="Zielińska")
    MealIssue.objects.create(resident=resident, date=DAY, issued_at=NOW.replace(hour=11, minute=5), issued_by=colleague)

    _scan(counter, resident.card_number)

    state = counter.locator("#state")
    expect(state).to_have_attribute("data-state", "already_issued")
    expect(state).to_have_text("Już wydano o 11:05 (Anna Zielińska)")
    expect(counter.locator("#issue-box")).to_be_hidden()
    counter.keyboard.press("Enter")  # nothing to issue
    expect(state).to_have_attribute("data-state", "already_issued")
    assert MealIssue.objects.count() == 1


def test_a_resident_who_may_not_eat_is_shown_why(counter):
    resident = eligible_resident(day=DAY - datetime.timedelta(days=90))  # decision ended a month ago

    _scan(counter, resident.card_number)

    expect(counter.locator("#state")).to_have_attribute("data-state", "not_eligible")
    expect(counter.locator("#state")).to_have_text("Brak uprawnienia")
    expect(counter.locator("#reasons")).not_to_be_empty()


def test_an_unknown_card_is_said_plainly(counter):
    _scan(counter, "0000018")

    expect(counter.locator("#state")).to_have_attribute("data-state", "unknown")


def test_undo_voids_the_last_issue_and_the_resident_may_eat_again(counter):
    resident = eligible_resident()
    _scan(counter, resident.card_number)
    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")
    counter.keyboard.press("Enter")
    expect(counter.locator("#state")).to_have_attribute("data-state", "served")

    counter.locator("#recent button.undo").click()
    expect(counter.locator("#recent .void-reason")).to_have_value("Wydano omyłkowo")
    counter.locator("#recent .confirm-undo").click()

    expect(counter.locator("#recent tr.voided")).to_have_count(1)
    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")
    expect(counter.locator("#summary")).to_contain_text("Wydano 0 z")
    issue = MealIssue.objects.get()
    assert issue.is_voided
    assert issue.void_reason == "Wydano omyłkowo"
    assert issue.voided_by.username == "lena"


def test_a_lost_answer_is_queued_and_resent_with_the_same_client_ref_and_recorded_once(counter):
    resident = eligible_resident()
    sent = []

    def lose_the_first_answer(route):
        sent.append(route.request.post_data_json)
        if len(sent) == 1:
            route.fetch()  # the server records the meal ...
            route.abort("connectionreset")  # ... but the answer never reaches the counter
        else:
            route.continue_()

    counter.route(
        lambda url: url.endswith("/api/v1/meals/issues/"),
        lambda route: lose_the_first_answer(route) if route.request.method == "POST" else route.continue_(),
    )
    _scan(counter, resident.card_number)
    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")
    counter.keyboard.press("Enter")

    expect(counter.locator("#offline")).to_contain_text("Brak połączenia")
    expect(counter.locator("#state")).to_have_attribute("data-state", "served", timeout=20_000)
    expect(counter.locator("#offline")).to_be_hidden()
    assert len(sent) == 2
    assert sent[0]["client_ref"] == sent[1]["client_ref"]
    assert sent[1]["source"] == "offline"
    assert MealIssue.objects.count() == 1


def test_while_offline_the_meal_is_kept_on_the_device_and_sent_once_the_network_is_back(counter):
    resident = eligible_resident()
    _scan(counter, resident.card_number)
    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")

    counter.context.set_offline(True)
    counter.keyboard.press("Enter")
    expect(counter.locator("#state")).to_have_attribute("data-state", "queued")
    expect(counter.locator("#state")).to_have_text("Zapisano na tym urządzeniu, do wysłania")
    expect(counter.locator("#offline")).to_contain_text("Do wysłania: 1.")
    assert not MealIssue.objects.exists()
    counter.context.set_offline(False)

    expect(counter.locator("#state")).to_have_attribute("data-state", "served", timeout=20_000)
    expect(counter.locator("#offline")).to_be_hidden()
    assert MealIssue.objects.get().source == "offline"


def _recent_issues(page, *issues: MealIssue):
    """The counter's list of the last issues, once it shows ``issues`` (newest first)."""
    page.reload()
    rows = page.locator("#recent tr[data-issue]")
    expect(rows).to_have_count(len(issues))
    return {issue.pk: page.locator(f'#recent tr[data-issue="{issue.pk}"]') for issue in issues}


def _two_issues_today(own_user):
    """One issue of ``own_user`` and one of a colleague at the counter, both today."""
    colleague = UserFactory(username="anna", role="distribution", first_name="Anna", last_name="Zielińska")
    at = NOW.replace(hour=11, minute=5)
    mine = MealIssue.objects.create(resident=eligible_resident(), date=DAY, issued_at=at, issued_by=own_user)
    theirs = MealIssue.objects.create(resident=eligible_resident(), date=DAY, issued_at=at, issued_by=colleague)
    return mine, theirs


def test_counter_staff_see_undo_on_their_own_issue_only_as_the_server_says(counter):
    mine, theirs = _two_issues_today(get_user_model().objects.get(username="lena"))

    rows = _recent_issues(counter, mine, theirs)

    expect(rows[mine.pk].locator("button.undo")).to_have_count(1)
    expect(rows[theirs.pk].locator("button.undo")).to_have_count(0)


def test_a_coordinator_sees_undo_on_every_issue_of_the_day(login_page, live_server):
    coordinator = UserFactory(username="ewa", role="coordinator", first_name="Ewa", last_name="Nowak")
    page = login_page(coordinator)
    page.goto(f"{live_server.url}/meals/counter/")
    mine, theirs = _two_issues_today(coordinator)

    rows = _recent_issues(page, mine, theirs)

    expect(rows[mine.pk].locator("button.undo")).to_have_count(1)
    expect(rows[theirs.pk].locator("button.undo")).to_have_count(1)
    rows[theirs.pk].locator("button.undo").click()
    rows[theirs.pk].locator(".confirm-undo").click()
    expect(page.locator(f'#recent tr[data-issue="{theirs.pk}"].voided')).to_have_count(1)
    theirs.refresh_from_db()
    assert theirs.is_voided and theirs.voided_by == coordinator


def test_the_counter_offers_undo_wherever_the_server_allows_it(counter, monkeypatch):
    """The browser derives nothing: let counter staff void any issue, and the undo appears on a colleague's."""
    from config import roles

    monkeypatch.setitem(roles.RULES, "meals.void_any", roles.RULES["meals.void_any"] | {roles.Role.DISTRIBUTION})
    mine, theirs = _two_issues_today(get_user_model().objects.get(username="lena"))

    rows = _recent_issues(counter, mine, theirs)

    expect(rows[theirs.pk].locator("button.undo")).to_have_count(1)
