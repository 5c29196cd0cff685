"""Celery really runs tasks: through Redis in CI, and on the embedded broker with no server."""

import os
import subprocess
import sys
import time

import pytest

from tasks.tasks import add
from tests.support import ROOT


@pytest.mark.redis
def test_a_worker_started_by_the_suite_runs_a_task_through_redis(celery_worker_on_broker, settings):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert add.delay(2, 3).get(timeout=20) == 5


def _embedded_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", VAR_DIR=str(tmp_path / "var"))
    return env


def test_the_embedded_default_runs_a_task_with_no_redis(tmp_path):
    env = _embedded_env(tmp_path)
    celery = [sys.executable, "-m", "celery", "-A", "tasks"]
    worker = subprocess.Popen(
        [*celery, "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        send = "from tasks.tasks import add; print(add.delay(20, 22).get(timeout=60))"
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {send}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert result.stdout.strip() == "42", result.stderr
        assert list((tmp_path / "var" / "celery" / "in").iterdir()) == []  # the message was consumed
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_beat_starts_on_the_embedded_default_and_writes_its_schedule(tmp_path):
    env = _embedded_env(tmp_path)
    schedule = tmp_path / "beat-schedule"
    beat = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tasks", "beat", f"--schedule={schedule}", "--loglevel=INFO"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(tmp_path.glob("beat-schedule*")):
            time.sleep(0.5)
        assert list(tmp_path.glob("beat-schedule*")), "beat did not start"
        assert beat.poll() is None, "beat exited"
    finally:
        beat.terminate()
        output = beat.communicate(timeout=30)[0]
    assert "beat: Starting" in output
