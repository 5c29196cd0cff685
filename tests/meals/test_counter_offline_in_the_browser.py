"""The counter keeps serving when the network drops (issue 14), in real Chromium with the browser
context set offline and back online: the day's list on the device, a local queue sent when the
network returns, conflicts shown and recorded once, nothing of the list left after logout."""

import datetime

import pytest
from playwright.sync_api import expect

from meals.models import MealIssue, OfflineConflict
from tests.factories import UserFactory, eligible_resident
from tests.meals.helpers import ISSUES_URL, scan
from tests.support import logged_in_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("frozen_clock")]

QUEUED = "() => window.CounterStore.queued('lena')"


def _count(store: str) -> str:
    """A script counting the rows of an IndexedDB store of the counter (0 when there is no database)."""
    return """() => new Promise(resolve => {
      const request = indexedDB.open('cps-offline', 1);
      request.onupgradeneeded = () => request.transaction.abort();
      request.onerror = () => resolve(0);
      request.onsuccess = () => {
        const count = request.result.transaction('STORE').objectStore('STORE').count();
        count.onsuccess = () => { resolve(count.result); request.result.close(); };
      };
    })""".replace("STORE", store)


def _ready_for_offline(page, people: int):
    """The counter holds the day's list and its service worker controls the page."""
    page.reload()
    expect(page.locator("#pack-age")).to_contain_text(f"({people} os.)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def _serve(page, text: str):
    """Scan a card (digits) or type a name and press Enter, then Enter again to serve."""
    scan(page, text)
    expect(page.locator("#state")).to_have_attribute("data-state", "may_eat")
    page.keyboard.press("Enter")
    expect(page.locator("#state")).to_have_attribute("data-state", "queued")
    expect(page.locator("#state")).to_have_text("Zapisano na tym urządzeniu, do wysłania")


def test_offline_the_counter_serves_from_the_device_survives_a_reload_and_sends_everything_once(counter):
    jan = eligible_resident(first_name="Jan", last_name="Kowalski")
    lucja = eligible_resident(first_name="Łucja", last_name="Żółkiewska", allergies="orzechy")
    ewa = eligible_resident(first_name="Ewa", last_name="Nowak")
    _ready_for_offline(counter, people=3)

    counter.context.set_offline(True)
    _serve(counter, jan.card_number)
    expect(counter.locator("#offline")).to_contain_text("Brak połączenia z serwerem")
    _serve(counter, "zolkiewska")
    expect(counter.locator("#flags .allergy")).to_contain_text("orzechy")
    _serve(counter, ewa.card_number)
    scan(counter, jan.card_number)  # a second meal for Jan
    expect(counter.locator("#state")).to_have_attribute("data-state", "already_issued")
    expect(counter.locator("#state")).to_contain_text("Już wydano na tym urządzeniu")
    expect(counter.locator("#issue-box")).to_be_hidden()
    counter.keyboard.press("Enter")
    expect(counter.locator("#offline")).to_contain_text("Do wysłania: 3.")

    counter.reload()  # still offline: the service worker opens the counter
    expect(counter.locator("#lookup")).to_be_visible()
    expect(counter.locator("#offline")).to_contain_text("Do wysłania: 3.")
    expect(counter.locator("#pack-age")).to_contain_text("(3 os.)")
    queued = {item["resident"]["id"]: item["issued_at"] for item in counter.evaluate(QUEUED)}
    assert not MealIssue.objects.exists()

    counter.context.set_offline(False)

    expect(counter.locator("#offline")).to_be_hidden(timeout=20_000)
    issues = MealIssue.objects.order_by("issued_at")
    assert [issue.resident_id for issue in issues] == [jan.pk, lucja.pk, ewa.pk]
    assert {issue.source for issue in issues} == {"offline"}
    assert {i.resident_id: i.issued_at for i in issues} == {
        pk: datetime.datetime.fromisoformat(at) for pk, at in queued.items()
    }
    assert counter.evaluate(QUEUED) == []


def test_a_meal_served_meanwhile_at_another_station_is_shown_as_a_conflict_and_recorded_once(counter):
    resident = eligible_resident(first_name="Zofia", last_name="Bąk")
    _ready_for_offline(counter, people=1)
    counter.context.set_offline(True)
    _serve(counter, resident.card_number)

    colleague = UserFactory(username="anna", role="distribution", first_name="Anna", last_name="Zielińska")
    station = logged_in_client(colleague)
    assert station.post(ISSUES_URL, {"resident": resident.pk}, content_type="application/json").status_code == 201
    counter.context.set_offline(False)

    conflict = counter.locator("#queue tr.refused")
    expect(conflict).to_contain_text("Nie zapisano: już wydano o", timeout=20_000)
    expect(conflict).to_contain_text("Anna Zielińska")
    expect(counter.locator("#offline")).to_be_hidden()
    counter.reload()  # the conflict stays listed until staff have read it
    expect(counter.locator("#queue tr.refused")).to_have_count(1)
    assert MealIssue.objects.get().issued_by == colleague
    recorded = OfflineConflict.objects.get()
    assert (recorded.resident, recorded.scanned_by.username, recorded.code) == (resident, "lena", "already_issued")

    counter.locator("#queue tr.refused button.acknowledge").click()
    expect(counter.locator("#queue")).to_be_hidden()
    assert OfflineConflict.objects.count() == 1


def test_staff_may_switch_to_offline_by_hand_and_back(counter):
    resident = eligible_resident()
    _ready_for_offline(counter, people=1)

    counter.locator("#mode-switch").click()
    expect(counter.locator("#offline")).to_contain_text("Tryb offline włączony ręcznie")
    _serve(counter, resident.card_number)
    assert not MealIssue.objects.exists()
    counter.locator("#mode-switch").click()

    expect(counter.locator("#offline")).to_be_hidden(timeout=20_000)
    assert MealIssue.objects.get().source == "offline"


def test_the_days_list_is_gone_after_logout_and_logout_warns_while_meals_wait(counter):
    resident = eligible_resident()
    _ready_for_offline(counter, people=1)
    assert counter.evaluate(_count("packs")) == 1
    counter.locator("#mode-switch").click()
    _serve(counter, resident.card_number)

    messages = []
    counter.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    counter.locator(".userbox button[type=submit]").click()
    counter.wait_for_timeout(300)
    assert "niewysłane" in messages[0]
    assert "/meals/counter/" in counter.url  # staying: the meal waits to be sent

    counter.once("dialog", lambda dialog: dialog.accept())
    counter.locator(".userbox button[type=submit]").click()
    counter.wait_for_url("**/login/")

    counter.wait_for_function(f"({_count('packs')})().then(count => count === 0)")
    assert counter.evaluate("() => caches.keys()") == []
    assert counter.evaluate(_count("queue")) == 1  # the meal is never lost: it is sent at the next login


def test_the_reloaded_counter_comes_from_the_device_not_from_the_server(counter):
    """Proof that the service worker's copy answered: the server would now send the login page."""
    from django.contrib.sessions.models import Session

    eligible_resident()
    _ready_for_offline(counter, people=1)
    counter.context.set_offline(True)
    Session.objects.all().delete()

    counter.reload()

    expect(counter.locator("#lookup")).to_be_visible()
    expect(counter.locator("#pack-age")).to_contain_text("(1 os.)")
    assert "/meals/counter/" in counter.url
