"""Two coordinators at once (real threads on PostgreSQL): no double PESEL, no lost update."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from beneficiaries.exceptions import EditConflict
from beneficiaries.models import Resident
from beneficiaries.services.residents import resident_create, resident_update

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]


@pytest.fixture
def editor(django_user_model):
    """A plain user: the services record who acted, roles are the views' business."""
    return django_user_model.objects.create(username="editor")


def run_concurrently(*calls):
    """Start every call at the same moment; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_pesel_registered_twice_at_once_gives_one_resident(editor):
    def register(first_name):
        return lambda: resident_create(by=editor, first_name=first_name, last_name="Nowak", pesel="44051401359")

    outcomes = run_concurrently(*(register(name) for name in ("Anna", "Ania", "Anka", "Hania")))
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert Resident.objects.filter(pesel="44051401359").count() == 1
    assert len(refused) == 3
    assert all("pesel" in error.message_dict for error in refused)


def test_two_edits_of_the_same_version_one_wins_one_is_told(editor):
    resident, _ = resident_create(by=editor, first_name="Jan", last_name="Nowak")

    def edit(phone):
        return lambda: resident_update(resident=resident, by=editor, version=1, phone=phone)

    outcomes = run_concurrently(edit("111"), edit("222"))
    conflicts = [o for o in outcomes if isinstance(o, EditConflict)]
    saved = [o for o in outcomes if isinstance(o, Resident)]
    assert len(conflicts) == 1 and len(saved) == 1
    resident.refresh_from_db()
    assert resident.version == 2
    assert resident.phone == saved[0].phone
