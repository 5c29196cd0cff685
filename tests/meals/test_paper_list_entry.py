"""A coordinator enters a signed paper list afterwards: the ticks become meals "from paper"."""

import datetime

import pytest

from meals.models import IssueSource, MealIssue
from meals.selectors.settlement import meal_settlement
from meals.services import paper_list_enter
from tasks.rendering.settlement import render_settlement
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY, NOW, WARSAW, logged_in_client, nothing_changed
from tests.tasks.helpers import pdf_text

pytestmark = pytest.mark.django_db

MONDAY = DAY - datetime.timedelta(days=2)  # an open day two days before "now" (Wednesday 11:30)
SUNDAY = DAY - datetime.timedelta(days=3)
URL = f"/meals/paper/{MONDAY.isoformat()}/"


@pytest.fixture
def monday(frozen_clock):
    """Three people eligible on Monday; Zenon was served at the counter before it went down."""
    zenon = eligible_resident(last_name="Żak", first_name="Zenon")
    MealIssueFactory(resident=zenon, day=MONDAY)
    return {
        "ala": eligible_resident(last_name="Łęcka", first_name="Ala"),
        "bartek": eligible_resident(last_name="Lis", first_name="Bartek"),
        "zenon": zenon,
    }


def test_the_page_lists_the_day_in_the_printed_order_with_its_numbers(monday, coordinator):
    html = logged_in_client(coordinator).get(URL).content.decode()
    rows = html.split('id="paper-rows"', 1)[1]
    assert rows.index("Lis Bartek") < rows.index("Łęcka Ala") < rows.index("Żak Zenon")  # Ł after L
    assert "<td>1</td>\n        <td>Lis Bartek</td>" in rows
    assert f'value="{monday["zenon"].pk}"' not in rows  # already served: no box to tick


def test_ticks_on_a_past_open_day_become_meals_from_paper(monday, coordinator):
    client = logged_in_client(coordinator)
    body = {"at": "12:15", "residents": [monday["ala"].pk, monday["bartek"].pk]}
    response = client.post(URL, body, follow=True)
    assert response.status_code == 200
    issues = MealIssue.objects.filter(source=IssueSource.PAPER).order_by("resident__last_name")
    assert [(i.resident, i.date, i.issued_by) for i in issues] == [
        (monday["bartek"], MONDAY, coordinator),
        (monday["ala"], MONDAY, coordinator),
    ]
    assert issues[0].issued_at == datetime.datetime(2026, 3, 2, 12, 15, tzinfo=WARSAW)
    assert issues[0].recorded_at.date() == DAY  # entered today, about Monday


def test_the_day_view_marks_them_as_entered_from_paper_by_whom_and_when(monday, coordinator, coordinator_client):
    paper_list_enter(by=coordinator, day=MONDAY, at=datetime.time(12, 15), resident_ids=[monday["ala"].pk])
    page = logged_in_client(coordinator).get(f"/meals/day/{MONDAY.isoformat()}/").content.decode()
    assert 'data-source="paper"' in page and "4.03.2026" in page  # entered today (DAY), the one date format
    day = coordinator_client.get(f"/api/v1/meals/days/{MONDAY.isoformat()}/").json()
    ala = next(row for row in day["residents"] if row["id"] == monday["ala"].pk)
    assert ala["source"] == "paper" and ala["recorded_at"].startswith("2026-03-04")
    assert day["issued"] == 2


def test_a_closed_day_takes_no_paper_list(monday, coordinator):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post(f"/meals/paper/{SUNDAY.isoformat()}/", {"at": "12:00", "residents": [monday["ala"].pk]})
    assert response.status_code == 200
    assert 'id="paper-closed"' in response.content.decode()


def test_a_moment_still_to_come_is_refused(monday, coordinator):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post(f"/meals/paper/{DAY.isoformat()}/", {"at": "13:00", "residents": [monday["ala"].pk]})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_a_day_still_to_come_has_no_paper_list(monday, coordinator):
    response = logged_in_client(coordinator).get(f"/meals/paper/{(DAY + datetime.timedelta(days=1)).isoformat()}/")
    assert response.status_code == 302
    assert response["Location"] == f"/meals/paper/{DAY.isoformat()}/"


@pytest.mark.parametrize("role", ["distribution_client", "workshop_client"])
def test_only_coordinators_enter_paper_lists(monday, role, request, distributor, leader):
    user = {"distribution_client": distributor, "workshop_client": leader}[role]
    client = logged_in_client(user)
    assert client.get(URL).status_code == 403
    with nothing_changed():
        assert client.post(URL, {"at": "12:00", "residents": [monday["ala"].pk]}).status_code == 403


def test_counter_staff_cannot_send_a_paper_meal_of_an_earlier_day_through_the_api(monday, distribution_client):
    body = {"resident": monday["ala"].pk, "issued_at": "2026-03-02T12:15:00+01:00", "source": "paper"}
    with nothing_changed():
        response = distribution_client.post("/api/v1/meals/issues/", body, format="json")
    assert response.status_code == 403


def test_someone_served_already_is_not_served_twice(monday, coordinator):
    first = paper_list_enter(by=coordinator, day=MONDAY, at=datetime.time(12, 15), resident_ids=[monday["ala"].pk])
    assert len(first.entered) == 1
    with nothing_changed():
        again = paper_list_enter(
            by=coordinator, day=MONDAY, at=datetime.time(12, 40), resident_ids=[monday["ala"].pk, monday["zenon"].pk]
        )
    assert again.entered == []
    assert {refusal.code for refusal in again.refused.values()} == {"already_issued"}


def test_a_tick_for_someone_already_served_is_refused_by_the_page(monday, coordinator):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post(URL, {"at": "12:00", "residents": [monday["zenon"].pk]})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_settlement_counts_the_meals_from_paper_and_says_so(monday, coordinator):
    paper_list_enter(
        by=coordinator, day=MONDAY, at=datetime.time(12, 15), resident_ids=[monday["ala"].pk, monday["bartek"].pk]
    )
    settlement = meal_settlement(year=2026, month=3)
    assert settlement.total.issued == 3
    assert settlement.paper_days == [(MONDAY, 2)]
    pdf = render_settlement(settlement=settlement, point_name="Punkt", printed_at=NOW, printed_by="Ewa")
    assert "W tym wprowadzone z list papierowych: 2 – 02.03 (2)" in " ".join(pdf_text(pdf).split())
