import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from beneficiaries.models import District, Entitlement, Program, Resident
from meals.models import MealIssue, MealPrice
from workshops.models import WorkshopSession


@pytest.fixture
def demo(db):
    call_command("load_demo_data", residents=60)


def test_demo_data_has_polish_names_both_programmes_and_a_fortnight_of_sessions(demo):
    residents = Resident.objects.all()
    assert residents.count() == 60
    assert any(set(r.last_name + r.first_name) & set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") for r in residents)
    assert {r.district for r in residents} >= {District.CHORZOW_STARY, District.MACIEJKOWICE}
    assert {e.program for e in Entitlement.objects.all()} == {Program.HOT_MEAL, Program.FEAD}
    assert WorkshopSession.objects.count() >= 4
    assert all(len(r.card_number) == 7 for r in residents)


def test_loading_the_demo_twice_adds_nothing(demo):
    counts = (Resident.objects.count(), Entitlement.objects.count(), WorkshopSession.objects.count())
    call_command("load_demo_data", residents=60)
    assert (Resident.objects.count(), Entitlement.objects.count(), WorkshopSession.objects.count()) == counts


@pytest.mark.parametrize(
    ("username", "password", "landing"),
    [
        ("koordynator", "demo-koordynator", "/meals/"),
        ("wydawanie", "demo-wydawanie", "/meals/counter/"),
        ("warsztaty", "demo-warsztaty", "/workshops/"),
    ],
)
def test_each_demo_user_logs_in_and_lands_on_their_screen(demo, username, password, landing):
    client = Client()
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    response = client.get("/")
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


def test_the_demo_has_two_namesakes_at_the_counter_and_allergies_to_notice(demo):
    fed = Resident.objects.filter(entitlements__program=Program.HOT_MEAL).distinct()
    namesakes = fed.filter(first_name="Żaneta", last_name="Bąk")

    assert namesakes.count() >= 2
    assert len({(r.birth_date.year, r.street) for r in namesakes}) == namesakes.count()
    assert fed.exclude(allergies="").count() >= 3


def test_demo_data_has_last_months_meals_and_the_prices_in_force(demo):
    first_of_month = timezone.localdate().replace(day=1)
    assert MealPrice.objects.count() == 2
    assert MealIssue.objects.filter(date__lt=first_of_month).exists()
    assert not MealIssue.objects.filter(date__gte=timezone.localdate()).exists()  # today is the counter's
