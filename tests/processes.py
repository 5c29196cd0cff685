"""Real servers the tests start, stop and kill: a private Redis, a private PostgreSQL cluster,
the web server and Celery workers. The machine's own PostgreSQL and Redis are never touched.
"""

import contextlib
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

from tasks.celery import app
from tasks.models import Document, DocumentStatus
from tests.support import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def stop_process(process: subprocess.Popen, *, sig=signal.SIGTERM, timeout: float = 20) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)


# --- Redis ------------------------------------------------------------------------------------------


class PrivateRedis:
    """A redis-server of the test's own on a free port; ``kill()`` is a crash, ``start()`` brings it back."""

    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "PrivateRedis":
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
        wait_for(lambda: port_open(self.port), 20, "redis-server to listen")
        return self

    def kill(self) -> None:
        stop_process(self.process, sig=signal.SIGKILL)
        wait_for(lambda: not port_open(self.port), 10, "redis-server to go away")


# --- PostgreSQL -------------------------------------------------------------------------------------


def postgres_bin_dir() -> str | None:
    """Debian keeps the server binaries per version; the newest one present."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return os.path.dirname(candidates[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class PrivateCluster:
    """A PostgreSQL cluster in a temporary folder on a free port, run as the postgres OS user when root."""

    def __init__(self, bin_dir: str):
        self.bin_dir = bin_dir
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="cps-pg-"))
        self.data = self.folder / "data"
        self.user = "postgres" if os.geteuid() == 0 else None

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        # PostgreSQL refuses to run as root: hand the folder to the postgres user and run as it.
        subprocess.run(
            [os.path.join(self.bin_dir, args[0]), *args[1:]],
            check=True,
            user=self.user,
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def create(self) -> "PrivateCluster":
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        return self

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "restart")

    def create_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres").replace("postgres://", "postgresql://"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# --- The service's own processes ------------------------------------------------------------------


def service_env(**overrides) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_ALLOW"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
    )
    env.update({k: str(v) for k, v in overrides.items()})
    return env


def env_sharing_this_test(**overrides) -> dict:
    """``service_env`` for a process that works on the running test's database and documents folder."""
    db = connection.settings_dict
    return service_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        MEDIA_ROOT=settings.MEDIA_ROOT,
        **overrides,
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def start_web(env: dict, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """gunicorn on config.wsgi, one worker process: a restart of it would show as a new pid.

    With ``log``, its access and error logs (and the service's own) go to that file, as in production.
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "1"]
    if log is None:
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    else:
        command += ["--access-logfile", "-", "--error-logfile", "-"]
        with log.open("ab") as output:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT
            )
    wait_for(lambda: port_open(port), 60, "gunicorn to listen")
    return process, f"http://127.0.0.1:{port}"


WORKER_ARGS = ["worker", "--pool=prefork", "--concurrency=1", "--loglevel=WARNING"]
QUIET_WORKER_ARGS = [*WORKER_ARGS, "--without-mingle", "--without-gossip", "--without-heartbeat"]


# A worker whose first render of a meal list writes its pid to $KILL_MARKER and stops for two
# minutes (long enough to be killed); every later render runs normally. Everything else is the
# real worker.
FIRST_RENDER_HANGS_WORKER = f"""
import os, pathlib, time
import django
django.setup()
from tasks import producers
marker = pathlib.Path(os.environ["KILL_MARKER"])
real = producers.KINDS["meal_roster"]

def first_render_hangs(document, data):
    if not marker.exists():
        marker.write_text(str(os.getpid()))
        time.sleep(120)
    return real.render(document, data)

producers.KINDS["meal_roster"] = producers.Kind(real.data, first_render_hangs)
from tasks.celery import app
app.worker_main({QUIET_WORKER_ARGS!r})
"""


def hanging_render_pid(env: dict) -> int:
    """Wait until FIRST_RENDER_HANGS_WORKER has started its hanging render; the rendering process's id."""
    marker = Path(env["KILL_MARKER"])
    return int(wait_for(lambda: marker.exists() and marker.read_text(), 60, "the first render to start"))


def ready_document(document_id: int, what: str) -> Document:
    """Wait (up to 90 s) until a worker has rendered the document; the document, ready."""
    return wait_for(lambda: Document.objects.filter(pk=document_id, status=DocumentStatus.READY).first(), 90, what)


def start_worker(env: dict, script: str | None = None) -> subprocess.Popen:
    """A real ``celery -A tasks worker`` (or a script that ends in app.worker_main) in its own process group."""
    celery = [sys.executable, "-m", "celery", "-A", "tasks", *WORKER_ARGS]
    command = [sys.executable, "-c", script] if script else celery
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.DEVNULL)


@contextlib.contextmanager
def celery_broker_at(url: str, **transport_options):
    """Point the Celery app at the broker ``url`` for the block, then back.

    Connections are pooled per app: the pool is dropped on the way in and on the way out.
    """
    saved = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url = url
    if transport_options:
        app.conf.broker_transport_options = transport_options
    app._pool = None
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = saved
        app._pool = None


def http(
    method: str, url: str, body: dict | None = None, token: str | None = None, headers: dict | None = None
) -> tuple[int, dict | str]:
    """One JSON request with the standard library (a client outside the project)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310 (our own loopback server)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode(errors="replace")
