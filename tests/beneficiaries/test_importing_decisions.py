"""Importing decisions: match by PESEL, else names and birth date; create, update or leave alone;
rows in error change nothing; the same file twice changes nothing the second time."""

import datetime

import pytest

from beneficiaries.imports.reading import read_table
from beneficiaries.imports.service import import_rows
from beneficiaries.models import Entitlement, Resident
from config.models import AuditEvent
from tests.beneficiaries.import_files import csv_file, row
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_import(coordinator):
    def run(rows, *, dry_run=False, name="decyzje.csv"):
        result = import_rows(rows=read_table(content=csv_file(rows)), file_name=name, by=coordinator, dry_run=dry_run)
        return result

    return run


def actions(result) -> list[str]:
    return [outcome.action for outcome in result.rows]


def test_a_new_person_is_registered_with_the_decision(run_import):
    result = run_import([row()])
    resident = Resident.objects.get()
    assert actions(result) == ["create"]
    assert result.rows[0].resident == resident.pk
    assert (resident.last_name, resident.birth_date, resident.district) == (
        "Kowalski",
        datetime.date(1944, 5, 14),
        "chorzow_stary",
    )
    entitlement = resident.entitlements.get()
    assert (entitlement.program, entitlement.document_number, entitlement.weekdays) == (
        "hot_meal",
        "OPS.8220.1.2026",
        "12345",
    )
    assert resident.card_number


def test_the_same_file_twice_changes_nothing_the_second_time(run_import):
    rows = [row(), row(nazwisko="Nowak", imie="Anna", pesel="", data_urodzenia="14.05.1960"), row(od="zła data")]
    run_import(rows)
    with nothing_changed():
        again = run_import(rows)
    assert actions(again) == ["unchanged", "unchanged", "error"]


def test_a_person_is_matched_by_pesel_whatever_the_names(run_import, make_resident):
    resident = make_resident(first_name="Jan", last_name="Kowalski-Nowak", pesel="44051401359")
    result = run_import([row()])
    assert actions(result) == ["update"]
    assert result.rows[0].resident == resident.pk
    assert "last_name" in result.rows[0].changes and "entitlement" in result.rows[0].changes
    assert Resident.objects.count() == 1


def test_without_pesel_a_person_is_matched_by_names_and_birth_date(run_import, make_resident):
    resident = make_resident(first_name="Łucja", last_name="Żółć", birth_date=datetime.date(1960, 5, 14))
    result = run_import([row(nazwisko="ZOLC", imie="lucja", pesel="", data_urodzenia="1960-05-14", kod_pocztowy="")])
    assert (actions(result), result.rows[0].resident) == (["update"], resident.pk)
    assert result.rows[0].changes == ["entitlement"]  # names written without Polish letters stay as recorded
    resident.refresh_from_db()
    assert (resident.last_name, resident.first_name, Resident.objects.count()) == ("Żółć", "Łucja", 1)


def test_a_pesel_in_the_file_completes_a_person_registered_without_one(run_import, make_resident):
    resident = make_resident(first_name="Jan", last_name="Kowalski", birth_date=datetime.date(1944, 5, 14))
    result = run_import([row()])
    resident.refresh_from_db()
    assert (actions(result), resident.pesel) == (["update"], "44051401359")


def test_empty_cells_never_blank_what_was_recorded(run_import, make_resident):
    make_resident(pesel="44051401359", phone="600 100 200", street="Wiejska", building="7")
    run_import([row(telefon="", ulica="", nr_domu="", kod_pocztowy="")])
    resident = Resident.objects.get()
    assert (resident.phone, resident.street, resident.building) == ("600 100 200", "Wiejska", "7")


def test_an_entitlement_is_matched_by_programme_and_decision_number(run_import):
    run_import([row()])
    result = run_import([row(do="2027-03-31"), row(program="fead", dni="")])
    entitlements = Entitlement.objects.order_by("pk")
    assert actions(result) == ["update", "update"]
    assert [(e.program, e.valid_to) for e in entitlements] == [
        ("hot_meal", datetime.date(2027, 3, 31)),
        ("fead", datetime.date(2026, 12, 31)),
    ]


def test_rows_in_error_change_nothing_and_the_rest_is_applied(run_import):
    rows = [
        row(pesel="44051401358"),  # bad check digit
        row(nazwisko="Nowak", imie="Anna", pesel="02211307589", program="obiad"),
        row(nazwisko="Lis", imie="Ewa", pesel="02122401358", od="2026-05-01", do="2026-04-01"),
        row(nazwisko="Wąs", imie="Olga", pesel="", data_urodzenia=""),
        row(nazwisko="Kot", imie="Adam", pesel="", data_urodzenia="1970-01-01", dni="8"),
        row(nazwisko="Mak", imie="Iga", pesel="", data_urodzenia="1971-02-03"),
    ]
    result = run_import(rows)
    assert actions(result) == ["error"] * 5 + ["create"]
    assert [list(outcome.errors) for outcome in result.rows[:5]] == [
        ["pesel"],
        ["program"],
        ["do"],
        ["data_urodzenia"],
        ["dni"],
    ]
    assert list(Resident.objects.values_list("last_name", flat=True)) == ["Mak"]


def test_a_row_refused_by_the_services_is_reported_by_its_column(run_import):
    mismatch = row(pesel="44051401359", data_urodzenia="1950-01-01")
    result = run_import([mismatch, row(pesel="", nazwisko="", data_urodzenia="1960-05-14")])
    assert [list(outcome.errors) for outcome in result.rows] == [["data_urodzenia"], ["nazwisko"]]
    assert not Resident.objects.exists()


def test_a_dry_run_says_what_would_happen_and_changes_nothing(run_import, make_resident):
    make_resident(pesel="44051401359")
    with nothing_changed():
        result = run_import([row(), row(nazwisko="Nowak", imie="Anna", pesel="02211307589"), row(od="")], dry_run=True)
    assert actions(result) == ["update", "create", "error"]
    assert result.rows[1].resident is None  # not registered
    assert result.summary == {"create": 1, "update": 1, "unchanged": 0, "error": 1}


def test_the_same_person_twice_in_one_file_is_registered_once(run_import):
    result = run_import([row(), row(program="fead", nr_decyzji="S/1/2026")])
    assert actions(result) == ["create", "update"]
    assert Resident.objects.count() == 1 and Entitlement.objects.count() == 2


def test_namesakes_without_pesel_cannot_be_told_apart(run_import, make_resident):
    for _ in range(2):
        make_resident(first_name="Anna", last_name="Nowak", birth_date=datetime.date(1960, 5, 14), street="")
    result = run_import([row(nazwisko="Nowak", imie="Anna", pesel="", data_urodzenia="1960-05-14")])
    assert actions(result) == ["error"] and "pesel" in result.rows[0].errors


def test_a_new_person_carries_the_duplicate_warning(run_import, make_resident):
    similar = make_resident(first_name="Jan", last_name="Kowalsky", birth_date=datetime.date(1944, 5, 14))
    result = run_import([row()])
    assert actions(result) == ["create"]
    assert result.rows[0].possible_duplicates == [similar.pk]


def test_every_change_says_which_file_and_row_it_came_from(run_import, coordinator):
    run_import([row(od="x"), row()], name="decyzje-marzec.csv")
    events = AuditEvent.objects.filter(action__in=["resident.create", "entitlement.create"])
    assert {(event.action, event.source, event.actor_id) for event in events} == {
        ("resident.create", "import decyzje-marzec.csv, row 3", coordinator.pk),
        ("entitlement.create", "import decyzje-marzec.csv, row 3", coordinator.pk),
    }


def test_a_date_out_of_range_is_an_error_whichever_way_it_is_written(run_import):
    """``31.12.9999`` is refused as ``9999-12-31`` is: one range (config.dates), whatever the format."""
    rows = [
        row(nazwisko="Lis", imie="Ewa", pesel="02122401358", do="9999-12-31"),
        row(nazwisko="Kot", imie="Adam", pesel="", data_urodzenia="1970-01-01", do="31.12.9999"),
        row(nazwisko="Mak", imie="Iga", pesel="", data_urodzenia="1971-02-03", od="2.01.2026", do="31.12.2026"),
    ]
    result = run_import(rows)
    assert actions(result) == ["error", "error", "create"]
    assert [list(outcome.errors) for outcome in result.rows[:2]] == [["do"], ["do"]]
    assert list(Resident.objects.values_list("last_name", flat=True)) == ["Mak"]
