"""The duplicate warning of intake: same name and birth date, or a very similar name at the same address."""

import datetime

import pytest

from beneficiaries.selectors import resident_possible_duplicates

pytestmark = pytest.mark.django_db
BORN = datetime.date(1960, 5, 14)


def reasons(**person):
    person.setdefault("first_name", "Jan")
    person.setdefault("last_name", "Kowalski")
    return {(r.last_name, r.first_name): r.duplicate_reason for r in resident_possible_duplicates(**person)}


def test_same_name_and_birth_date_ignoring_case_and_polish_letters(make_resident):
    make_resident(first_name="Łukasz", last_name="Żółć", birth_date=BORN)
    assert reasons(first_name="LUKASZ", last_name="zolc", birth_date=BORN) == {
        ("Żółć", "Łukasz"): "same_name_and_birth_date"
    }


def test_names_swapped_at_intake_are_the_same_name(make_resident):
    make_resident(first_name="Jan", last_name="Kowalski", birth_date=BORN)
    assert reasons(first_name="Kowalski", last_name="Jan", birth_date=BORN) == {
        ("Kowalski", "Jan"): "same_name_and_birth_date"
    }


def test_a_typo_with_the_same_birth_date_is_reported(make_resident):
    make_resident(first_name="Jan", last_name="Kowalski", birth_date=BORN)
    assert reasons(last_name="Kowalsky", birth_date=BORN) == {("Kowalski", "Jan"): "similar_name_and_birth_date"}


def test_same_name_different_birth_date_elsewhere_is_not_reported(make_resident):
    make_resident(birth_date=BORN, street="Główna", building="1")
    assert reasons(birth_date=datetime.date(1970, 1, 1), street="Kasprowicza", building="2") == {}


def test_a_very_similar_name_at_the_same_address(make_resident):
    make_resident(
        first_name="Stanisław", last_name="Wójcik", birth_date=BORN, street="ul. Główna", building="7", flat="3"
    )
    found = reasons(first_name="Stanislaw", last_name="Wojcikk", street="Glowna", building="7", flat="3")
    assert found == {("Wójcik", "Stanisław"): "similar_name_same_address"}


def test_a_spouse_at_the_same_address_is_not_a_duplicate(make_resident):
    make_resident(first_name="Jan", last_name="Nowak", birth_date=BORN, street="Główna", building="7")
    assert reasons(first_name="Anna", last_name="Nowak", street="Główna", building="7") == {}


def test_the_resident_being_edited_is_not_its_own_duplicate(make_resident):
    resident = make_resident(birth_date=BORN)
    assert reasons(birth_date=BORN, exclude_id=resident.pk) == {}


def test_the_duplicates_endpoint_checks_before_saving(coordinator_client, make_resident):
    existing = make_resident(first_name="Ewa", last_name="Żak", birth_date=BORN)
    response = coordinator_client.get(
        "/api/v1/residents/duplicates/", {"first_name": "ewa", "last_name": "zak", "birth_date": "1960-05-14"}
    )
    assert response.status_code == 200
    assert [d["id"] for d in response.json()["possible_duplicates"]] == [existing.pk]
