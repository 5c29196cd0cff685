"""The audit page reads as sentences: Polish actions, names instead of ids, "field: before → after"."""

import datetime
import re
from pathlib import Path

import pytest

from config.audit import ACTION_LABELS, audit_record
from config.models import AuditEvent
from tests.factories import ResidentFactory
from tests.support import logged_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(coordinator):
    return logged_in_client(coordinator)


def lines(response):
    return response.context["lines"]


def test_an_event_names_the_staff_member_the_action_and_the_resident(page, coordinator):
    coordinator.first_name, coordinator.last_name = "Ewa", "Kowalska"
    coordinator.save()
    resident = ResidentFactory(last_name="Gąsior", first_name="Żaneta")
    audit_record(
        actor=coordinator, action="resident.update", obj=resident, before={"phone": ""}, after={"phone": "600"}
    )

    (line,) = lines(page.get("/audit/"))

    assert (line.who, line.action, line.subject) == ("Ewa Kowalska", "zmiana danych mieszkańca", "Gąsior Żaneta")
    html = page.get("/audit/").content.decode()
    assert "telefon: — → 600" in html
    assert f"#{resident.pk}" not in html


def test_only_what_changed_is_listed_and_choices_are_named(page, coordinator):
    resident = ResidentFactory()
    audit_record(
        actor=coordinator,
        action="resident.update",
        obj=resident,
        before={"district": "chorzow_stary", "street": "Wolności"},
        after={"district": "maciejkowice", "street": "Wolności"},
    )
    (line,) = lines(page.get("/audit/"))
    assert [(c.field, c.before, c.after) for c in line.changes] == [("dzielnica", "Chorzów Stary", "Maciejkowice")]


def test_filters_by_person_action_and_date(page, coordinator, distributor, frozen_clock):
    resident = ResidentFactory()
    audit_record(actor=coordinator, action="resident.update", obj=resident)
    frozen_clock.shift(datetime.timedelta(days=2))
    audit_record(actor=distributor, action="resident.card_print", obj=resident)

    assert [line.action for line in lines(page.get("/audit/", {"actor": distributor.pk}))] == ["wydruk karty"]
    assert [line.action for line in lines(page.get("/audit/", {"action": "resident.update"}))] == [
        "zmiana danych mieszkańca"
    ]
    first_day = AuditEvent.objects.order_by("at").first().at.date()
    assert len(lines(page.get("/audit/", {"date_to": first_day.isoformat()}))) == 1
    assert len(lines(page.get("/audit/", {"date_from": first_day.isoformat()}))) == 2


@pytest.mark.parametrize(
    "bad", [{"date_to": "9999-12-31"}, {"date_from": "nonsense"}, {"actor": "x"}, {"action": "no.such"}]
)
def test_a_bad_filter_shows_its_error_and_no_events_never_a_500(page, coordinator, bad):
    audit_record(actor=coordinator, action="resident.update", obj=ResidentFactory())
    response = page.get("/audit/", bad)
    assert response.status_code == 200
    assert lines(response) == []
    assert response.context["form"].errors


def test_the_page_shows_fifty_events_and_pages_on_keeping_the_filters(page, coordinator):
    resident = ResidentFactory()
    for _ in range(51):
        audit_record(actor=coordinator, action="resident.update", obj=resident)
    first = page.get("/audit/", {"action": "resident.update"})
    assert len(lines(first)) == 50
    assert "action=resident.update&amp;page=2" in first.content.decode()
    assert len(lines(page.get("/audit/", {"action": "resident.update", "page": 2}))) == 1


def test_the_page_takes_a_fixed_number_of_queries(page, coordinator, django_assert_max_num_queries):
    for _ in range(30):
        audit_record(actor=coordinator, action="resident.update", obj=ResidentFactory())
    with django_assert_max_num_queries(12):
        page.get("/audit/")


def test_every_action_the_project_records_has_a_polish_name():
    root = Path(__file__).resolve().parents[2]
    recorded = set()
    for path in root.glob("*/**/*.py"):
        if path.parts[len(root.parts)] in {".venv", "tests", "var"}:
            continue
        recorded |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text()))
        recorded |= set(re.findall(r'ACTION = "([a-z_]+\.[a-z_]+)"', path.read_text()))
    assert recorded, "the scan found no action codes"
    assert recorded <= set(ACTION_LABELS), sorted(recorded - set(ACTION_LABELS))
