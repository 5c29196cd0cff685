"""Two coordinators upload the same file at the same moment: one registers the people, the other
finds them there; nobody is registered twice (PostgreSQL, real threads)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from beneficiaries.models import Entitlement, Resident
from tests.beneficiaries.import_files import csv_file, row
from tests.support import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Without PESEL the database has no unique key to stop a second registration: only the import's lock does.
ROWS = [
    row(),
    row(nazwisko="Nowak", imie="Anna", pesel="", data_urodzenia="1960-05-14"),
    row(nazwisko="Wąs", imie="Olga", pesel="", data_urodzenia="1971-02-03", program="fead", nr_decyzji="S/9"),
]


def test_one_import_wins_and_nobody_is_registered_twice(coordinator):
    content = csv_file(ROWS)

    def upload(_):
        client = APIClient()
        client.force_authenticate(coordinator)
        return client.post("/api/v1/imports/", {"file": SimpleUploadedFile("d.csv", content)}, format="multipart")

    responses = run_concurrently(upload, range(2))

    assert not responses.raised
    assert [response.status_code for response in responses] == [201, 201]
    summaries = sorted((r.json()["summary"]["create"], r.json()["summary"]["unchanged"]) for r in responses)
    assert summaries == [(0, 3), (3, 0)]
    assert Resident.objects.count() == 3
    assert Entitlement.objects.count() == 3
