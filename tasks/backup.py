"""Backups: one dated archive holding the database and every generated document.

An archive (``cps-backup-YYYY-MM-DD-HHMMSS.tar.gz`` in ``settings.BACKUP_DIR``) holds:

- ``manifest.json``: the archive format, the database engine and the migrations applied;
- ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3`` (the
  embedded default, copied with SQLite's online backup API while the service runs);
- ``media/…``: every file under ``MEDIA_ROOT`` (the generated documents).

It holds personal data, so it is created readable by its owner only. Beat makes one every night
(tasks/beat.py); the README's "Backups" section says where to keep them and how to restore.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from beneficiaries.models import Resident
from tasks import exceptions

ARCHIVE_PREFIX = "cps-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILE = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
OWNER_ONLY = 0o600


@dataclass(frozen=True)
class Backup:
    path: Path
    removed: list[Path]  # older archives pruned to keep settings.BACKUP_KEEP


@dataclass(frozen=True)
class Restore:
    created_at: str  # when the archive was made
    documents: int  # files put back under MEDIA_ROOT


# --- Backup ---------------------------------------------------------------------------------


def backup_create(*, keep: int | None = None) -> Backup:
    """Write a new archive into BACKUP_DIR, then prune to the newest ``keep`` (default BACKUP_KEEP; 0: all)."""
    directory = Path(settings.BACKUP_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = timezone.localtime()
    path = directory / f"{ARCHIVE_PREFIX}{now:%Y-%m-%d-%H%M%S}{ARCHIVE_SUFFIX}"
    # Written in a private folder beside the archive: a half-written archive never appears
    # under its final name, and nothing is left behind when a step fails.
    with tempfile.TemporaryDirectory(dir=directory, prefix=".partial-") as work:
        database = Path(work) / _database_file_name()
        _database_dump(database)  # before the files: every document the dump marks ready is on disk
        partial = Path(work) / path.name
        _archive_write(partial, manifest=_manifest(created_at=now.isoformat(timespec="seconds")), database=database)
        os.replace(partial, path)
    removed = backups_prune(directory=directory, keep=settings.BACKUP_KEEP if keep is None else keep)
    return Backup(path=path, removed=removed)


def backups_prune(*, directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives (names sort by time); other files stay."""
    if keep <= 0:
        return []
    archives = sorted(Path(directory).glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))
    removed = archives[:-keep]
    for path in removed:
        path.unlink()
    return removed


def _manifest(*, created_at: str) -> dict:
    return {
        "format": ARCHIVE_FORMAT,
        "created_at": created_at,
        "engine": connection.vendor,
        "migrations": sorted(MigrationRecorder(connection).applied_migrations()),
    }


def _archive_write(path: Path, *, manifest: dict, database: Path) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(descriptor, "wb") as file:
        with tarfile.open(fileobj=file, mode="w:gz", compresslevel=6) as archive:
            _tar_add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            archive.add(database, arcname=database.name)
            media_root = Path(settings.MEDIA_ROOT)
            for source in _files_under(media_root):
                archive.add(source, arcname=f"{MEDIA}/{source.relative_to(media_root).as_posix()}")
        file.flush()
        os.fsync(file.fileno())


def _tar_add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(content), OWNER_ONLY, int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


# --- Restore --------------------------------------------------------------------------------


def backup_restore(*, archive: Path, force: bool = False) -> Restore:
    """Put an archive's database and documents back; refused over data unless ``force``.

    The database is replaced in one transaction, then MEDIA_ROOT's files, then migrations newer
    than the archive are applied, so an archive of an older release restores into a newer one.
    """
    with _archive_open(archive) as tar:
        manifest = _manifest_check(tar)
        if not force:
            _refuse_over_data()
        with tempfile.TemporaryDirectory(prefix="cps-restore-") as work:
            database = _member_extract(tar, _database_file_name(), Path(work))
            _database_restore(database)
        documents = _media_restore(tar)
    call_command("migrate", interactive=False, verbosity=0)
    return Restore(created_at=manifest["created_at"], documents=documents)


def installation_data() -> dict[str, int]:
    """What this installation holds that a restore would replace (all zero when it is new)."""
    tables = set(connection.introspection.table_names())
    user_model = get_user_model()
    return {
        "users": user_model.objects.count() if user_model._meta.db_table in tables else 0,
        "residents": Resident.objects.count() if Resident._meta.db_table in tables else 0,
        "documents": len(_files_under(Path(settings.MEDIA_ROOT))),
    }


def _refuse_over_data() -> None:
    found = installation_data()
    if any(found.values()):
        raise exceptions.backup_installation_not_empty(**found)


def _archive_open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:gz")
    except (OSError, tarfile.TarError) as error:
        raise exceptions.backup_archive_unreadable(path=path, reason=error)


def _manifest_check(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, AttributeError, ValueError, tarfile.TarError) as error:
        raise exceptions.backup_archive_unreadable(path=tar.name, reason=error)
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise exceptions.backup_archive_unreadable(path=tar.name, reason=f"format {manifest.get('format')!r}")
    if manifest["engine"] != connection.vendor:
        raise exceptions.backup_engine_mismatch(archive=manifest["engine"], installation=connection.vendor)
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted({tuple(migration) for migration in manifest["migrations"]} - known)
    if unknown:
        raise exceptions.backup_from_a_newer_release(migration=".".join(unknown[0]))
    return manifest


def _member_extract(tar: tarfile.TarFile, name: str, folder: Path) -> Path:
    """One regular file of the archive into ``folder``, readable by its owner only."""
    try:
        member = tar.getmember(name)
    except KeyError:
        raise exceptions.backup_archive_unreadable(path=tar.name, reason=f"{name} is missing")
    target = folder / PurePosixPath(name).name
    with tar.extractfile(member) as source, _open_private(target) as destination:
        shutil.copyfileobj(source, destination)
    return target


def _media_restore(tar: tarfile.TarFile) -> int:
    """Replace MEDIA_ROOT's files with the archive's (names checked: nothing lands outside it)."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    restored = 0
    for member in tar.getmembers():
        relative = _media_relative_path(member)
        if relative is None:
            continue
        target = media_root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tar.extractfile(member) as source, _open_private(target) as destination:
            shutil.copyfileobj(source, destination)
        restored += 1
    return restored


def _media_relative_path(member: tarfile.TarInfo) -> PurePosixPath | None:
    path = PurePosixPath(member.name)
    if not member.isfile() or path.parts[:1] != (MEDIA,):
        return None
    relative = PurePosixPath(*path.parts[1:])
    if path.is_absolute() or ".." in path.parts or not relative.parts:
        raise exceptions.backup_archive_unreadable(path=member.name, reason="a file outside media/")
    return relative


def _open_private(path: Path):
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY), "wb")


# --- The two database engines ---------------------------------------------------------------


def _database_file_name() -> str:
    try:
        return DATABASE_FILE[connection.vendor]
    except KeyError:
        raise exceptions.backup_engine_unsupported(engine=connection.vendor)


def _database_dump(target: Path) -> None:
    if connection.vendor == "postgresql":
        _run(_libpq_command("pg_dump", "--format=custom", "--no-password", f"--file={target}"))
    else:
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # a consistent copy while others write
        finally:
            copy.close()
    target.chmod(OWNER_ONLY)


def _database_restore(source: Path) -> None:
    connection.close()  # hold no lock on what is about to be replaced
    if connection.vendor == "postgresql":
        _postgresql_restore(source)
    else:
        archived = sqlite3.connect(source)
        try:
            connection.ensure_connection()
            archived.backup(connection.connection)  # replaces every page in one step
        finally:
            archived.close()
            connection.close()


def _postgresql_restore(dump: Path) -> None:
    """Empty the schema and load the dump in one transaction: a failure leaves things as they were."""
    script = subprocess.Popen(
        ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(dump)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _run(
            _libpq_command(
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--no-password",
                "--set=ON_ERROR_STOP=1",
                "--single-transaction",
                "--command=DROP SCHEMA public CASCADE",
                "--command=CREATE SCHEMA public",
                "--file=-",
            ),
            stdin=script.stdout,
        )
    finally:
        script.stdout.close()
        script.wait()
    if script.returncode != 0:
        raise exceptions.backup_tool_failed(tool="pg_restore", output=script.stderr.read().decode())


def _libpq_command(program: str, *parameters: str) -> tuple[list[str], dict]:
    """``program`` with the connection of settings.DATABASES, as Django's dbshell builds it."""
    args, env = connection.client.settings_to_cmd_args_env(connection.settings_dict, list(parameters))
    # Notices such as "drop cascades to 40 other objects" are not news to an operator.
    return [program, *args[1:]], {**os.environ, **(env or {}), "PGOPTIONS": "-c client_min_messages=warning"}


def _run(command: tuple[list[str], dict], stdin=None) -> None:
    args, env = command
    result = subprocess.run(args, env=env, stdin=stdin, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise exceptions.backup_tool_failed(tool=args[0], output=result.stderr)
