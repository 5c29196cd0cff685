"""The counter and day pages: who may open them, what they show, the coordinator's plan form."""

import json

import pytest
from django.test import Client
from django.utils import translation

from beneficiaries.models import DietTag
from config.models import AuditEvent
from meals.models import MealDay, MealIssue
from tests.factories import UserFactory, eligible_resident
from tests.support import DAY, NOW, logged_in_client, nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.mark.parametrize("path", ["/meals/counter/", "/meals/day/", "/meals/day/2026-03-04/"])
def test_meal_pages_send_anonymous_visitors_to_login(path):
    response = Client().get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("path", ["/meals/counter/", "/meals/day/"])
def test_workshop_leaders_may_not_open_meal_pages(leader, path):
    assert logged_in_client(leader).get(path).status_code == 403


@pytest.mark.parametrize("role", ["distribution", "coordinator"])
def test_the_counter_opens_for_counter_staff_and_coordinators(role):
    response = logged_in_client(UserFactory(role=role)).get("/meals/counter/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="lookup"' in page
    assert "autofocus" in page
    assert "meals/counter.js" in page
    assert "csrftoken" in response.cookies


def test_the_counter_gets_its_urls_and_texts_in_polish(distributor):
    response = logged_in_client(distributor).get("/meals/counter/")

    page = response.content.decode()
    start = page.index('<script id="counter-config" type="application/json">')
    config = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert config["urls"]["issues"] == "/api/v1/meals/issues/"
    assert config["urls"]["summary"] == "/api/v1/meals/today/"
    assert config["today"] == "2026-03-04"
    assert config["urls"]["void"] == "/api/v1/meals/issues/{id}/void/"
    # Who may undo which issue comes with each issue from the API (may_void), never from the page.
    assert not {"username", "mayVoidAny"} & set(config)
    assert config["reasons"]["entitlement_expired"]
    assert config["text"]["mayEat"] == "Może zjeść"


def test_the_day_page_lists_who_is_waiting_and_who_was_served_with_health_flags(distributor):
    served = eligible_resident(last_name="Adamska", allergies="orzechy arachidowe")
    eligible_resident(last_name="Bielecki", diet=["gluten_free"])
    MealIssue.objects.create(resident=served, date=DAY, issued_at=NOW, issued_by=distributor, takeaway=True)

    response = logged_in_client(distributor).get("/meals/day/")

    assert response.status_code == 200
    page = response.content.decode()
    waiting_part = page[page.index('id="waiting"') : page.index('id="served"')]
    served_part = page[page.index('id="served"') :]
    assert "Bielecki" in waiting_part
    assert "Adamska" not in waiting_part
    assert "Adamska" in served_part
    assert "orzechy arachidowe" in served_part
    assert "11:30" in served_part
    assert distributor.get_full_name() in served_part
    with translation.override("pl"):
        assert str(DietTag.GLUTEN_FREE.label) in waiting_part
    assert response.context["overview"].expected == 2
    assert response.context["form"] is None  # counter staff do not plan


def test_a_coordinator_saves_the_menu_and_portions_on_the_day_page(coordinator):
    client = logged_in_client(coordinator)

    response = client.post("/meals/day/2026-03-04/", {"menu": "Pierogi ruskie", "portions_planned": "31", "note": ""})

    assert response.status_code == 302
    plan = MealDay.objects.get(date=DAY)
    assert (plan.menu, plan.portions_planned, plan.updated_by) == ("Pierogi ruskie", 31, coordinator)
    assert AuditEvent.objects.filter(action="meal_day.plan").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Pierogi ruskie" in page


def test_a_bad_plan_shows_the_form_again(coordinator):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post("/meals/day/", {"menu": "x", "portions_planned": "-3"})

    assert response.status_code == 200
    assert response.context["form"].errors["portions_planned"]
    assert not MealDay.objects.exists()


def test_counter_staff_may_not_post_a_plan(distributor):
    client = logged_in_client(distributor)
    with nothing_changed():
        response = client.post("/meals/day/", {"menu": "x"})

    assert response.status_code == 403
    assert not MealDay.objects.exists()


def test_another_day_is_picked_with_the_date_field(distributor):
    client = logged_in_client(distributor)

    assert client.get("/meals/day/", {"date": "2026-03-02"})["Location"] == "/meals/day/2026-03-02/"
    assert client.get("/meals/day/", {"date": "nonsense"})["Location"] == "/meals/day/"
    assert client.get("/meals/day/2026-02-31/").status_code == 404


def test_a_closed_day_says_so(distributor):
    response = logged_in_client(distributor).get("/meals/day/2026-03-08/")  # a Sunday

    assert response.status_code == 200
    assert response.context["overview"].open is False
