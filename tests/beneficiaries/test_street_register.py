"""The street register: street -> district, matched the way people write street names."""

import pytest

from beneficiaries.models import Street
from beneficiaries.services.reference import street_save
from beneficiaries.streets import fold_street, street_district
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("Jana Kasprowicza", "chorzow_stary"),
        ("ul. Kasprowicza", "chorzow_stary"),
        ("UL. KASPROWICZA", "chorzow_stary"),
        ("J. Kasprowicza", "chorzow_stary"),
        ("kasprowicza 2/5", "chorzow_stary"),
        ("Narutowicza", "chorzow_stary"),
        ("al. Wycieczkowa", "chorzow_stary"),
        ("Wycieczkowa", "chorzow_stary"),
        ("pl. Św. Jana", "chorzow_stary"),
        ("Plac Sw Jana", "chorzow_stary"),
        ("Skłodowskiej-Curie", "chorzow_stary"),
        ("ul. 17 Sierpnia", "chorzow_stary"),
        ("Swierkowa", "chorzow_stary"),
        ("ul. Główna", "maciejkowice"),
        ("glowna", "maciejkowice"),
        ("Rębaczy", "maciejkowice"),
        ("Budryka", "maciejkowice"),
        ("Emilii Plater", "maciejkowice"),
        ("Plater", "maciejkowice"),
        ("Antoniów", "maciejkowice"),
        ("Antoniowska", "maciejkowice"),
    ],
)
def test_seeded_streets_are_found_however_they_are_written(typed, district):
    assert street_district(typed) == district


@pytest.mark.parametrize("typed", ["Wolności", "", "   ", "ul.", "Kasprowiczów"])
def test_an_unknown_street_has_no_district(typed):
    assert street_district(typed) is None


def test_a_short_name_that_fits_two_districts_gives_no_district(coordinator):
    street_save(by=coordinator, name="Piotra Wiejskiego", district="chorzow_stary")
    street_save(by=coordinator, name="Anny Wiejskiego", district="maciejkowice")
    assert street_district("Wiejskiego") is None
    assert street_district("Anny Wiejskiego") == "maciejkowice"


def test_fold_street_drops_prefixes_diacritics_and_punctuation():
    assert fold_street("ul. Jana Kasprowicza") == "jana kasprowicza"
    assert fold_street("Plac Św. Jana") == "sw jana"
    assert fold_street("AL.Wycieczkowa") == "wycieczkowa"
    assert fold_street("Marii Skłodowskiej-Curie") == "marii sklodowskiej curie"


def test_the_seed_is_stored_folded():
    assert Street.objects.get(name="Plac Św. Jana").name_folded == "sw jana"
    assert Street.objects.count() == 17 + 28


def test_a_coordinator_correction_changes_the_district(coordinator, make_resident):
    street = Street.objects.get(name="Kolejowa")
    street_save(by=coordinator, street=street, name="Kolejowa", district="maciejkowice")
    assert street_district("ul. Kolejowa") == "maciejkowice"
    assert make_resident(street="Kolejowa").district == "maciejkowice"


def test_the_same_street_written_differently_cannot_be_added_twice(coordinator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        street_save(by=coordinator, name="ul. GŁÓWNA", district="chorzow_stary")
    assert "name" in refused.value.message_dict


def test_the_district_is_derived_from_the_street_when_not_given(make_resident):
    assert make_resident(street="ul. Główna").district == "maciejkowice"
    assert make_resident(street="Kasprowicza", first_name="Ala").district == "chorzow_stary"
    assert make_resident(street="Wolności", first_name="Ola").district == "other"
    assert make_resident(street="", first_name="Ela").district == "other"


def test_a_given_district_wins_over_the_register(make_resident):
    assert make_resident(street="Główna", district="chorzow_stary").district == "chorzow_stary"


def test_a_new_street_on_edit_derives_the_district_again(make_resident, coordinator):
    from beneficiaries.services.residents import resident_update

    resident = make_resident(street="Kasprowicza")
    assert resident_update(resident=resident, by=coordinator, street="Główna").district == "maciejkowice"
    resident = resident_update(resident=resident, by=coordinator, street="Wolności")
    assert resident.district == "other"


def test_streets_api_lets_coordinators_edit_and_everyone_look_up(coordinator_client, distribution_client):
    created = coordinator_client.post("/api/v1/streets/", {"name": "Wolności", "district": "other"}, format="json")
    assert created.status_code == 201
    with nothing_changed():
        refused = distribution_client.post("/api/v1/streets/", {"name": "X", "district": "other"}, format="json")
    assert refused.status_code == 403
    lookup = distribution_client.get("/api/v1/streets/district/", {"street": "ul. Kasprowicza 2"})
    assert lookup.json() == {"street": "ul. Kasprowicza 2", "district": "chorzow_stary"}
    street_id = created.json()["id"]
    patched = coordinator_client.patch(f"/api/v1/streets/{street_id}/", {"district": "maciejkowice"}, format="json")
    assert patched.json()["district"] == "maciejkowice"
    assert coordinator_client.delete(f"/api/v1/streets/{street_id}/").status_code == 204
    with nothing_changed():
        duplicate = coordinator_client.post("/api/v1/streets/", {"name": "glowna", "district": "other"}, format="json")
    assert duplicate.status_code == 400
    assert "name" in duplicate.json()
