"""`manage.py backup` then `manage.py restore` bring back residents, meal issues and documents.

Run as an operator runs them: the real commands in their own processes, against scratch
databases of their own (never the database the rest of the suite uses).
"""

import json
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from tests.support import ROOT

PDF = b"%PDF-1.4\n% a meal list, as the worker writes it\n"

SEED = f"""
import datetime, zoneinfo, django
django.setup()
from django.core.files.base import ContentFile
from meals.models import MealIssue
from tasks.models import Document, DocumentKind, DocumentStatus
from tests.factories import ResidentFactory, UserFactory

day = datetime.date(2026, 3, 4)
staff = UserFactory(username="anna", role="coordinator")
resident = ResidentFactory(first_name="Łukasz", last_name="Żółć")
noon = datetime.datetime(2026, 3, 4, 12, 5, tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
MealIssue.objects.create(resident=resident, date=day, issued_at=noon, issued_by=staff)
document = Document.objects.create(
    kind=DocumentKind.MEAL_ROSTER, subject=str(day), subject_date=day, status=DocumentStatus.READY, requested_by=staff
)
document.file.save("meal_roster.pdf", ContentFile({PDF!r}))
"""

PROBE = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from beneficiaries.models import Resident
from meals.models import MealIssue
from tasks.models import Document

print(json.dumps({
    "residents": [[r.first_name, r.last_name] for r in Resident.objects.all()],
    "meal_issues": [[str(i.date), i.resident.last_name, i.issued_by.username] for i in MealIssue.objects.all()],
    "documents": [d.file.name for d in Document.objects.all()],
    "staff_can_log_in": get_user_model().objects.get(username="anna").check_password("test-password-123"),
}))
"""


def installation(tmp_path: Path, name: str, database_url: str) -> dict:
    """The environment of one installation: its database, documents and backup folder."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    folder = tmp_path / name
    env.update(
        DATABASE_URL=database_url,
        VAR_DIR=str(folder / "var"),
        MEDIA_ROOT=str(folder / "media"),
        BACKUP_DIR=str(tmp_path / "backups"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = run(env, "manage.py", *args)
    assert result.returncode == 0, result.stderr
    return result


def probe(env: dict) -> dict:
    result = run(env, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def only_archive(env: dict) -> Path:
    [archive] = Path(env["BACKUP_DIR"]).iterdir()
    return archive


def back_up_restore_and_refuse(source: dict, target: dict) -> None:
    """The whole story on one engine; the target installation must be empty."""
    manage(source, "migrate", "--noinput")
    seeded = run(source, "-c", SEED)
    assert seeded.returncode == 0, seeded.stderr
    before = probe(source)

    manage(source, "backup")
    archive = only_archive(source)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # personal data: its owner only

    manage(target, "restore", str(archive))
    assert probe(target) == before
    assert before["residents"] == [["Łukasz", "Żółć"]]
    assert before["meal_issues"] == [["2026-03-04", "Żółć", "anna"]]
    assert before["staff_can_log_in"] is True
    [document] = before["documents"]
    assert (Path(target["MEDIA_ROOT"]) / document).read_bytes() == PDF

    refused = run(target, "manage.py", "restore", str(archive))
    assert refused.returncode != 0
    assert "--force" in refused.stderr  # the message says how to replace data on purpose
    forced = run(target, "manage.py", "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert probe(target) == before


def test_sqlite_backup_restores_into_an_empty_installation(tmp_path):
    source = installation(tmp_path, "source", f"sqlite:///{tmp_path / 'source.sqlite3'}")
    target = installation(tmp_path, "target", f"sqlite:///{tmp_path / 'target.sqlite3'}")  # not even migrated
    back_up_restore_and_refuse(source, target)


@pytest.fixture
def scratch_postgres_urls():
    """Two databases of their own on the suite's PostgreSQL server: a source and a target."""
    server = urlsplit(os.environ["DATABASE_URL"])
    names = [f"cps_backup_{uuid.uuid4().hex[:8]}_{role}" for role in ("source", "target")]
    admin_url = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield [urlunsplit(server._replace(path=f"/{name}")) for name in names]
        finally:
            for name in names:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.mark.postgres
def test_postgresql_backup_restores_into_a_new_installation(tmp_path, scratch_postgres_urls):
    source_url, target_url = scratch_postgres_urls
    source = installation(tmp_path, "source", source_url)
    target = installation(tmp_path, "target", target_url)
    manage(target, "migrate", "--noinput")  # a new installation, as `docker compose up` leaves it
    back_up_restore_and_refuse(source, target)
