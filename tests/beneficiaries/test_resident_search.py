"""Search of docs/api.md: names in either order, card number, start of the PESEL; no case, no diacritics."""

import pytest

from beneficiaries.cards import card_number_for
from beneficiaries.selectors import resident_search

pytestmark = pytest.mark.django_db


def found(text):
    return [f"{r.last_name} {r.first_name}" for r in resident_search(text=text)]


@pytest.fixture
def people(make_resident):
    return {
        "zolc": make_resident(first_name="Łukasz", last_name="Żółć", pesel="44051401359"),
        "nowak": make_resident(first_name="Anna", last_name="Nowak", pesel="02211307589"),
        "kowalska": make_resident(first_name="Zofia", last_name="Kowalska-Wiśniewska"),
        "jan": make_resident(first_name="Jan", last_name="Janowski"),
        "stanislaw": make_resident(first_name="Stanisław", last_name="Jan"),
    }


def test_polish_letters_and_case_are_ignored(people):
    assert found("zolc") == ["Żółć Łukasz"]
    assert found("ŻÓŁĆ") == ["Żółć Łukasz"]
    assert found("lukasz") == ["Żółć Łukasz"]
    assert found("wisniewska") == ["Kowalska-Wiśniewska Zofia"]


def test_first_and_last_name_in_either_order(people):
    assert found("lukasz zolc") == ["Żółć Łukasz"]
    assert found("Zolc Lukasz") == ["Żółć Łukasz"]
    assert found("anna nowak") == found("nowak anna") == ["Nowak Anna"]


def test_every_word_must_match(people):
    assert found("anna zolc") == []


def test_part_of_a_name_matches(people):
    assert found("kowal") == ["Kowalska-Wiśniewska Zofia"]


def test_the_start_of_the_pesel_matches_but_not_the_middle(people):
    assert found("440514") == ["Żółć Łukasz"]
    assert found("44051401359") == ["Żółć Łukasz"]
    assert found("0514013") == []


def test_a_card_number_finds_its_resident(people):
    card = people["nowak"].card_number
    assert card == card_number_for(people["nowak"].pk)
    assert found(card) == ["Nowak Anna"]
    assert found(f"  {card}\n") == ["Nowak Anna"]


def test_a_card_number_with_a_wrong_check_digit_finds_nobody(people):
    card = people["nowak"].card_number
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert found(wrong) == []


def test_part_of_a_card_number_finds_nobody_by_card(people):
    assert found(people["nowak"].card_number[:-1]) == []


def test_an_exact_name_comes_before_names_that_only_contain_the_words(people):
    # "jan" is in "Janowski Jan" and "Jan Stanisław" and (as a part) in nothing else.
    assert found("jan") == ["Jan Stanisław", "Janowski Jan"]
    assert found("jan janowski") == ["Janowski Jan"]
    assert found("stanislaw jan") == ["Jan Stanisław"]


def test_the_exact_card_comes_first(people, make_resident):
    people_with_digits = make_resident(first_name="Adam", last_name="Zając", pesel="02122401358")
    card = people_with_digits.card_number
    assert found(card)[0] == "Zając Adam"


def test_without_a_search_everyone_is_listed_by_last_name(people):
    assert found("") == sorted(found(""), key=lambda name: name.split()[0])
    assert len(found("  ")) == 5


def test_punctuation_and_quotes_are_harmless(people):
    assert found("o'brien%") == []
    assert found("Nowak, Anna") == ["Nowak Anna"]


def test_the_api_searches_with_the_search_parameter(distribution_client, people):
    response = distribution_client.get("/api/v1/residents/", {"search": "łukasz ŻÓŁĆ"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["last_name"] == "Żółć"
    assert set(body) == {"count", "next", "previous", "results"}


def test_search_keeps_up_with_renames(people, coordinator):
    from beneficiaries.services.residents import resident_update

    resident_update(resident=people["nowak"], by=coordinator, last_name="Wróbel")
    assert found("wrobel") == ["Wróbel Anna"]
    assert found("nowak") == []
