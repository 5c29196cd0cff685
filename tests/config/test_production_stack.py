"""The processes of docker-compose.yml, run as their health checks probe them, on production values.

The web server is the image's own command (Dockerfile's CMD) and each probe is the compose file's
own health check, so a change to either is tested here; the whole stack is checked by the
compose-check tool (README "Production").
"""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import yaml

from tests.processes import free_port
from tests.support import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
PUBLISHED = "127.0.0.1:8000"


def image_command() -> list[str]:
    [line] = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")]
    return json.loads(line.removeprefix("CMD "))


def health_check(service: str) -> list[str]:
    """The service's health check as the container runtime runs it (compose's `$$` is a `$`)."""
    kind, *command = COMPOSE["services"][service]["healthcheck"]["test"]
    command = [part.replace("$$", "$") for part in command]
    return ["sh", "-c", command[0]] if kind == "CMD-SHELL" else command


def production_env(tmp_path: Path, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"HOSTNAME", "XDG_RUNTIME_DIR"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cps.example.org",
        SECURE_SSL_REDIRECT="1",
        VAR_DIR=str(tmp_path / "var"),
        HOME=str(tmp_path / "home"),  # where gunicorn would put a control socket by default
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        **extra,
    )
    return env


def healthy_within(seconds: float, probe: list[str], env: dict) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if subprocess.run(probe, env=env, capture_output=True, timeout=30, check=False).returncode == 0:
            return True
        time.sleep(0.5)
    return False


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    return stderr


def test_web_is_healthy_on_production_allowed_hosts_and_logs_no_error(tmp_path):
    port = free_port()
    env = production_env(tmp_path)
    (tmp_path / "home").mkdir()
    command = [part.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for part in image_command()]
    web = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        probe = [part.replace(PUBLISHED, f"127.0.0.1:{port}") for part in health_check("web")]
        healthy = healthy_within(60, probe, env)
    finally:
        log = stop(web)
    assert healthy, log
    assert "[ERROR]" not in log
    assert "Traceback" not in log
    assert not (tmp_path / "home" / ".gunicorn").exists()  # no control socket in a home it may not write


def test_the_worker_health_check_finds_the_worker_where_exec_sets_no_hostname(tmp_path):
    # The embedded broker is enough for `celery inspect ping`; HOSTNAME is left out as podman's exec does.
    env = production_env(tmp_path)
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tasks", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        healthy = healthy_within(90, health_check("worker"), env)
    finally:
        log = stop(worker)
    assert healthy, log
