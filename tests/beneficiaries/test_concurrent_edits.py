"""Two coordinators at once (real threads on PostgreSQL): no double PESEL, no lost update."""

import pytest
from django.core.exceptions import ValidationError

from beneficiaries.exceptions import EditConflict
from beneficiaries.models import Resident
from beneficiaries.services.residents import resident_create, resident_update
from tests.support import run_concurrently

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]


@pytest.fixture
def editor(django_user_model):
    """A plain user: the services record who acted, roles are the views' business."""
    return django_user_model.objects.create(username="editor")


def test_the_same_pesel_registered_twice_at_once_gives_one_resident(editor):
    def register(first_name):
        return resident_create(by=editor, first_name=first_name, last_name="Nowak", pesel="44051401359")

    outcomes = run_concurrently(register, ["Anna", "Ania", "Anka", "Hania"])
    refused = [o for o in outcomes.raised if isinstance(o, ValidationError)]
    assert Resident.objects.filter(pesel="44051401359").count() == 1
    assert len(refused) == 3
    assert all("pesel" in error.message_dict for error in refused)


def test_two_edits_of_the_same_version_one_wins_one_is_told(editor):
    resident, _ = resident_create(by=editor, first_name="Jan", last_name="Nowak")

    def edit(phone):
        return resident_update(resident=resident, by=editor, version=1, phone=phone)

    outcomes = run_concurrently(edit, ["111", "222"])
    conflicts = [o for o in outcomes.raised if isinstance(o, EditConflict)]
    saved = [o for o in outcomes.returned if isinstance(o, Resident)]
    assert len(conflicts) == 1 and len(saved) == 1
    resident.refresh_from_db()
    assert resident.version == 2
    assert resident.phone == saved[0].phone
