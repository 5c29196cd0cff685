"""PESEL vectors of docs/domain.md, through the validator and through the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from beneficiaries.validators import clean_pesel, pesel_birth_date
from tests.support import nothing_changed


@pytest.mark.parametrize(
    ("pesel", "born"),
    [
        ("44051401359", datetime.date(1944, 5, 14)),
        ("02211307589", datetime.date(2002, 1, 13)),
        ("02122401358", datetime.date(1902, 12, 24)),
    ],
)
def test_valid_pesel_is_accepted_and_gives_the_birth_date(pesel, born):
    assert clean_pesel(pesel) == pesel
    assert pesel_birth_date(pesel) == born


def test_pesel_with_a_bad_check_digit_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_pesel("44051401358")
    assert refused.value.code == "checksum"


def test_pesel_with_a_good_check_digit_but_an_impossible_date_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_pesel("02381307589")
    assert refused.value.code == "invalid_date"


@pytest.mark.parametrize("pesel", ["4405140135", "440514013590", "4405140135X", "44 05140135"])
def test_pesel_must_be_exactly_eleven_digits(pesel):
    with pytest.raises(ValidationError):
        clean_pesel(pesel)


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_an_empty_pesel_means_no_pesel(empty):
    assert clean_pesel(empty) is None


@pytest.mark.django_db
def test_api_derives_the_birth_date_from_the_pesel(coordinator_client):
    response = coordinator_client.post(
        "/api/v1/residents/", {"first_name": "Anna", "last_name": "Nowak", "pesel": "02211307589"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["birth_date"] == "2002-01-13"


@pytest.mark.django_db
@pytest.mark.parametrize("pesel", ["44051401358", "02381307589", "123", "abcdefghijk"])
def test_api_refuses_a_bad_pesel_with_a_400_on_the_field(coordinator_client, pesel):
    with nothing_changed():
        response = coordinator_client.post(
            "/api/v1/residents/", {"first_name": "Anna", "last_name": "Nowak", "pesel": pesel}, format="json"
        )
    assert response.status_code == 400
    assert list(response.json()) == ["pesel"]
    assert isinstance(response.json()["pesel"][0], str)


@pytest.mark.django_db
def test_api_messages_are_polish_by_default_and_english_on_request(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "pesel": "44051401358"}
    with nothing_changed():
        polish = coordinator_client.post("/api/v1/residents/", body, format="json")
        english = coordinator_client.post("/api/v1/residents/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert polish.json()["pesel"] == ["Niepoprawna cyfra kontrolna numeru PESEL: sprawdź numer."]
    assert english.json()["pesel"] == ["The PESEL check digit is wrong: please check the number."]


@pytest.mark.django_db
def test_api_refuses_a_birth_date_that_disagrees_with_the_pesel(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "pesel": "44051401359", "birth_date": "1944-05-15"}
    with nothing_changed():
        response = coordinator_client.post("/api/v1/residents/", body, format="json")
    assert response.status_code == 400
    assert "birth_date" in response.json()


@pytest.mark.django_db
def test_api_accepts_a_birth_date_that_agrees_with_the_pesel(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "pesel": "44051401359", "birth_date": "1944-05-14"}
    assert coordinator_client.post("/api/v1/residents/", body, format="json").status_code == 201


@pytest.mark.django_db
def test_a_resident_without_pesel_keeps_the_given_birth_date(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "birth_date": "1971-02-03"}
    response = coordinator_client.post("/api/v1/residents/", body, format="json")
    assert response.status_code == 201
    assert response.json()["pesel"] is None
    assert response.json()["birth_date"] == "1971-02-03"


@pytest.mark.django_db
def test_the_same_pesel_cannot_be_registered_twice(coordinator_client):
    body = {"first_name": "Anna", "last_name": "Nowak", "pesel": "44051401359"}
    assert coordinator_client.post("/api/v1/residents/", body, format="json").status_code == 201
    with nothing_changed():
        again = coordinator_client.post("/api/v1/residents/", {**body, "first_name": "Ania"}, format="json")
    assert again.status_code == 400
    assert "pesel" in again.json()
