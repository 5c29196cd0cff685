"""Beat backs up every night and keeps the newest BACKUP_KEEP archives (tasks/backup.py)."""

import stat

import pytest

import tasks.tasks  # noqa: F401  (registers the tasks, as the worker's autodiscovery does)
from tasks.backup import backups_prune
from tasks.beat import BEAT_SCHEDULE
from tasks.celery import app
from tasks.tasks import backup_nightly


def archive_names(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("cps-backup-*.tar.gz"))


def make_archives(folder, count: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    names = [f"cps-backup-2000-01-{day:02d}-033000.tar.gz" for day in range(1, count + 1)]
    for name in names:
        (folder / name).write_bytes(b"an old archive")
    return names


def test_beat_runs_the_backup_every_night_at_half_past_three():
    entry = BEAT_SCHEDULE["backup-nightly"]
    assert entry["task"] == "tasks.backup_nightly"
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {3}
    assert entry["schedule"].minute == {30}
    assert entry["schedule"].day_of_month == set(range(1, 32))


def test_pruning_keeps_the_newest_archives_and_nothing_else_is_touched(tmp_path):
    names = make_archives(tmp_path, 5)
    (tmp_path / "notes.txt").write_text("the operator's own file")

    removed = backups_prune(directory=tmp_path, keep=3)

    assert sorted(path.name for path in removed) == names[:2]
    assert archive_names(tmp_path) == names[2:]
    assert (tmp_path / "notes.txt").exists()


def test_keep_zero_keeps_every_archive(tmp_path):
    names = make_archives(tmp_path, 3)
    assert backups_prune(directory=tmp_path, keep=0) == []
    assert archive_names(tmp_path) == names


@pytest.mark.redis
def test_a_worker_runs_the_nightly_backup_and_prunes_to_backup_keep(celery_worker_on_broker, settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_KEEP = 3
    old = make_archives(settings.BACKUP_DIR, 3)

    written = backup_nightly.delay().get(timeout=120)

    assert archive_names(settings.BACKUP_DIR) == [*old[1:], written]
    assert stat.S_IMODE((settings.BACKUP_DIR / written).stat().st_mode) == 0o600
