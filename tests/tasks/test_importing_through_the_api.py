"""POST /api/v1/imports/ (docs/api.md#imports): dry run 200, applied 201, a file that is not the table 400."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from beneficiaries.imports.reading import read_table
from beneficiaries.models import Resident
from config.models import AuditEvent
from tasks import imports
from tests.beneficiaries.import_files import csv_file, row, xlsx_file
from tests.support import nothing_changed

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"
NOWAK = {"nazwisko": "Nowak", "imie": "Anna", "pesel": "02211307589"}


def upload(client, content: bytes, *, name="decyzje.csv", dry_run=None):
    body = {"file": SimpleUploadedFile(name, content)}
    if dry_run is not None:
        body["dry_run"] = "true" if dry_run else "false"
    return client.post(URL, body, format="multipart")


def test_a_dry_run_answers_200_with_every_row_and_changes_nothing(coordinator_client):
    content = csv_file([row(), row(**NOWAK), row(od="31.02.2026")])
    with nothing_changed(unless=True):
        response = upload(coordinator_client, content, dry_run=True)
    assert response.status_code == 200
    body = response.json()
    assert body["dry_run"] is True
    assert body["summary"] == {"create": 2, "update": 0, "unchanged": 0, "error": 1}
    assert [(r["row"], r["action"], r["resident"]) for r in body["rows"]] == [
        (2, "create", None),
        (3, "create", None),
        (4, "error", None),
    ]
    assert list(body["rows"][2]["errors"]) == ["od"]
    assert not Resident.objects.exists()


def test_applying_answers_201_and_a_second_time_everything_is_unchanged(coordinator_client):
    content = csv_file([row(), row(**NOWAK), row(program="obiad")])
    response = upload(coordinator_client, content)
    assert response.status_code == 201
    assert response.json()["summary"] == {"create": 2, "update": 0, "unchanged": 0, "error": 1}
    ids = [r["resident"] for r in response.json()["rows"][:2]]
    assert sorted(ids) == sorted(Resident.objects.values_list("pk", flat=True))

    again = upload(coordinator_client, content)
    assert again.status_code == 201
    assert again.json()["summary"] == {"create": 0, "update": 0, "unchanged": 2, "error": 1}
    assert [r["resident"] for r in again.json()["rows"][:2]] == ids


@pytest.mark.parametrize(("separator", "encoding"), [(",", "cp1250"), (";", "cp1250"), (",", "utf-8-sig")])
def test_a_spreadsheet_export_in_windows_1250_or_utf_8_imports(coordinator_client, separator, encoding):
    content = csv_file([row(nazwisko="Żółć", imie="Łucja", ulica="Świerkowa")], separator=separator, encoding=encoding)
    assert upload(coordinator_client, content).status_code == 201
    assert Resident.objects.get().full_name == "Żółć Łucja"


def test_an_xlsx_sheet_imports(coordinator_client):
    cells = ["Nowak", "Anna", 2211307589, None, "Wiejska", 7, None, "41-506", None, "fead", "S/1/2026"]
    cells += ["02.01.2026", "30.06.2026", None]
    response = upload(coordinator_client, xlsx_file([cells]), name="decyzje.xlsx")
    assert response.status_code == 201, response.json()
    resident = Resident.objects.get()
    assert (resident.pesel, resident.district) == ("02211307589", "maciejkowice")
    assert resident.entitlements.get().document_number == "S/1/2026"


def test_every_change_is_in_the_audit_trail_with_file_and_row(coordinator_client):
    upload(coordinator_client, csv_file([row()]), name="marzec.csv")
    sources = set(AuditEvent.objects.exclude(action="import.request").values_list("source", flat=True))
    assert sources == {"import marzec.csv, row 2"}


# (file, the start of the Polish reason)
NOT_TABLES = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n", "To nie jest tabela"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "To nie jest tabela"),
    "empty": (b"", "Przesłany plik jest pusty"),  # DRF refuses it before the import reads it
    "other table": (b"a;b;c\n1;2;3\n", "To nie jest tabela importu: brakuje kolumn"),
    "broken xlsx": (b"PK\x03\x04\x14\x00\x00\x00", "Nie można odczytać pliku Excel"),
}


@pytest.mark.parametrize("kind", NOT_TABLES)
def test_a_file_that_is_not_the_table_is_a_400_in_polish_and_changes_nothing(coordinator_client, kind):
    content, reason = NOT_TABLES[kind]
    with nothing_changed():
        response = upload(coordinator_client, content, name=f"plik.{kind}")
    assert response.status_code == 400
    [message] = response.json()["file"]
    assert message.startswith(reason)


def test_a_50_mb_file_is_a_400_and_changes_nothing(coordinator_client):
    content = csv_file([row()]) + b"x" * (50 * 1024 * 1024)
    with nothing_changed():
        response = upload(coordinator_client, content)
    assert response.status_code == 400
    assert response.json()["file"][0].startswith("Plik jest większy niż 10 MB")


def test_no_file_is_a_400(coordinator_client):
    with nothing_changed():
        response = coordinator_client.post(URL, {"dry_run": "true"}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()


def test_json_instead_of_a_file_is_a_4xx_never_500(coordinator_client):
    with nothing_changed():
        response = coordinator_client.post(URL, {"file": "x"}, format="json")
    assert response.status_code in (400, 415)


def test_only_coordinators_import(distribution_client, workshop_client):
    for client in (distribution_client, workshop_client):
        with nothing_changed():
            assert upload(client, csv_file([row()])).status_code == 403


def test_a_file_checked_in_the_request_is_read_once(coordinator_client, monkeypatch):
    reads = []
    monkeypatch.setattr(imports, "read_table", lambda *, content: reads.append(content) or read_table(content=content))

    response = upload(coordinator_client, csv_file([row(), row(**NOWAK)]), dry_run=True)

    assert response.status_code == 200 and response.json()["summary"]["create"] == 2
    assert len(reads) == 1
