"""The counter never serves someone who is not on the screen, tells namesakes apart and shows
states that cannot be confused (issue 11), in real Chromium."""

import datetime

import pytest
from playwright.sync_api import expect

from meals.models import MealIssue
from tests.factories import eligible_resident
from tests.meals.helpers import scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("frozen_clock")]


def test_a_search_that_finds_nobody_hides_the_previous_person_and_enter_serves_no_one(counter):
    previous = eligible_resident(first_name="Jan", last_name="Kowalski")
    scan(counter, previous.card_number)
    expect(counter.locator("#state")).to_have_attribute("data-state", "may_eat")

    counter.keyboard.type("zzyzx")
    expect(counter.locator("#resident")).to_be_hidden()  # at the first keystroke
    counter.keyboard.press("Enter")
    expect(counter.locator("#results")).to_contain_text("Nikogo nie znaleziono")
    expect(counter.locator("#resident")).to_be_hidden()
    counter.locator("#lookup").fill("")  # the field emptied, as staff do with Backspace
    counter.keyboard.press("Enter")

    counter.wait_for_timeout(500)
    expect(counter.locator("#resident")).to_be_hidden()
    assert not MealIssue.objects.exists()


def test_a_new_scan_replaces_the_person_at_the_first_digit(counter):
    first, second = eligible_resident(last_name="Pierwsza"), eligible_resident(last_name="Druga")
    scan(counter, first.card_number)
    expect(counter.locator("#resident-name")).to_contain_text("Pierwsza")

    counter.keyboard.type(second.card_number[:3])
    expect(counter.locator("#resident")).to_be_hidden()
    counter.keyboard.type(second.card_number[3:])
    counter.keyboard.press("Enter")
    expect(counter.locator("#resident-name")).to_contain_text("Druga")
    counter.keyboard.press("Enter")

    expect(counter.locator("#state")).to_have_attribute("data-state", "served")
    assert MealIssue.objects.get().resident == second


def test_two_namesakes_are_told_apart_and_enter_never_picks_one_of_them(counter):
    older = eligible_resident(
        first_name="Żaneta", last_name="Bąk", birth_date=datetime.date(1951, 5, 1), street="Cisowa"
    )
    younger = eligible_resident(
        first_name="Żaneta", last_name="Bąk", birth_date=datetime.date(1987, 9, 9), street="Azotowa"
    )

    counter.keyboard.type("bak zaneta")
    counter.keyboard.press("Enter")
    results = counter.locator("#results .result")
    expect(results).to_have_count(2)
    expect(results.nth(0)).to_contain_text("ur. 1951 · Cisowa")
    expect(results.nth(1)).to_contain_text("ur. 1987 · Azotowa")
    counter.keyboard.press("Enter")  # nobody chosen yet: a question, not a choice
    expect(counter.locator("#results .hint.attention")).to_be_visible()
    expect(counter.locator("#resident")).to_be_hidden()
    counter.keyboard.press("Enter")
    assert not MealIssue.objects.exists()

    counter.keyboard.press("ArrowDown")
    counter.keyboard.press("ArrowDown")
    counter.keyboard.press("Enter")
    expect(counter.locator("#resident-identity")).to_contain_text("ur. 1987 · Azotowa")
    counter.keyboard.press("Enter")

    expect(counter.locator("#state")).to_have_attribute("data-state", "served")
    assert MealIssue.objects.get().resident == younger
    assert older.pk != younger.pk


def test_may_eat_and_served_look_different_and_an_allergy_is_a_warning(counter):
    resident = eligible_resident(diet=["diabetic"], allergies="orzechy")
    scan(counter, resident.card_number)
    state = counter.locator("#state")
    expect(state).to_have_attribute("data-state", "may_eat")
    may_eat_colour = state.evaluate("element => getComputedStyle(element).backgroundColor")
    allergy, diet = counter.locator("#flags .allergy"), counter.locator("#flags .diet")
    expect(allergy).to_contain_text("Alergie: orzechy")
    expect(diet).to_have_text("cukrzycowa")
    assert "⚠" in allergy.evaluate("element => getComputedStyle(element, '::before').content")
    assert _background(allergy) == "rgb(164, 22, 26)"  # the red of every refusal
    assert _background(allergy) != _background(diet)

    counter.keyboard.press("Enter")

    expect(state).to_have_attribute("data-state", "served")
    assert _background(state) != may_eat_colour


def test_the_days_count_is_not_a_success_message(counter, live_server):
    eligible_resident()
    counter.goto(f"{live_server.url}/meals/day/")

    counts = counter.locator("#day-counts")
    expect(counts).to_contain_text("Wydano 0 z 1")
    assert _background(counts) != "rgb(227, 244, 230)"  # not the green of "may eat"


def _background(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_the_printed_list_people_sign_shows_names_and_no_diet_or_allergy(counter):
    """The paper fallback (the "Print the list" link) is signed by residents: health data stays off it."""
    from django.utils import translation

    from beneficiaries.models import DietTag

    eligible_resident(
        first_name="Jan", last_name="Alergik", birth_date=datetime.date(1948, 3, 3), diet=["soft"], allergies="orzechy"
    )
    counter.add_init_script("window.print = function () { document.body.dataset.printed = 'yes'; };")
    counter.reload()  # the day's pack is read when the page opens
    expect(counter.locator("#summary")).to_contain_text("Wydano 0 z 1")

    counter.locator("#print").click()
    expect(counter.locator("body")).to_have_attribute("data-printed", "yes")
    counter.emulate_media(media="print")

    area = counter.locator("#print-area")
    expect(area).to_be_visible()
    expect(area).to_contain_text("Alergik Jan (1948)")
    expect(counter.locator("#lookup")).to_be_hidden()  # on paper: the list alone
    printed = area.inner_text()
    with translation.override("pl"):
        diet_label = str(DietTag("soft").label)
    assert "orzechy" not in printed and diet_label not in printed and "soft" not in printed
