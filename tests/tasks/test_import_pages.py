"""The "Import" pages without JavaScript: template, dry run, apply once, a refused file changes nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beneficiaries.imports.reading import COLUMNS
from beneficiaries.models import Resident
from tasks.models import ImportRun
from tests.beneficiaries.import_files import csv_file, row
from tests.support import logged_in_client, nothing_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_page(coordinator):
    return logged_in_client(coordinator)


def test_the_template_has_the_documented_columns_and_imports_as_it_is(coordinator_page):
    response = coordinator_page.get("/imports/template.csv")
    assert response["Content-Disposition"] == 'attachment; filename="import-decyzji.csv"'
    text = response.content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text), delimiter=";")) == list(COLUMNS)
    template = SimpleUploadedFile("wzor.csv", response.content)
    assert coordinator_page.post("/imports/", {"file": template}, follow=True).status_code == 200
    assert ImportRun.objects.get().summary == {"create": 2, "update": 0, "unchanged": 0, "error": 0}


def test_a_file_is_checked_first_then_applied_once(coordinator_page):
    content = csv_file([row(), row(nazwisko="Nowak", imie="Anna", pesel="02211307589"), row(program="obiad")])
    response = coordinator_page.post("/imports/", {"file": SimpleUploadedFile("marzec.csv", content)})
    checked = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{checked.pk}/"
    page = coordinator_page.get(response["Location"]).content.decode()
    assert "Wykonaj import" in page and "nowa osoba" in page and "Program to „posilek” albo „fead”." in page
    assert not Resident.objects.exists()

    applied = coordinator_page.post(f"/imports/{checked.pk}/apply/")
    run = ImportRun.objects.get(dry_run=False)
    assert applied["Location"] == f"/imports/{run.pk}/"
    assert (run.checked_id, run.summary["create"], Resident.objects.count()) == (checked.pk, 2, 2)
    assert "Wykonaj import" not in coordinator_page.get(f"/imports/{checked.pk}/").content.decode()

    with nothing_changed():
        again = coordinator_page.post(f"/imports/{checked.pk}/apply/")
    assert again["Location"] == f"/imports/{checked.pk}/"


def test_a_file_that_is_not_a_table_is_shown_as_an_error_and_changes_nothing(coordinator_page):
    with nothing_changed():
        response = coordinator_page.post("/imports/", {"file": SimpleUploadedFile("skan.pdf", b"%PDF-1.4\n%\xe2\xe3")})
    assert response.status_code == 400
    assert "To nie jest tabela" in response.content.decode()


def test_the_menu_leads_coordinators_to_the_import(coordinator_page, distributor):
    assert 'href="/imports/"' in coordinator_page.get("/residents/").content.decode()
    assert 'href="/imports/"' not in logged_in_client(distributor).get("/").content.decode()


def test_the_page_of_a_check_asks_once_whether_it_was_applied_and_its_file_kept(coordinator_page):
    coordinator_page.post("/imports/", {"file": SimpleUploadedFile("marzec.csv", csv_file([row()]))})
    checked = ImportRun.objects.get()

    with CaptureQueriesContext(connection) as queries:
        page = coordinator_page.get(f"/imports/{checked.pk}/").content.decode()

    assert "Wykonaj import" in page
    runs = [query["sql"] for query in queries if "tasks_importrun" in query["sql"]]
    assert len(runs) == 3, runs  # the run, then once: applied by another run? its file still kept?
