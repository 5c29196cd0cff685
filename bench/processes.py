"""The processes the benchmark starts, and the guarantee that it stops every one of them.

Each child runs in its own session (process group); :class:`Processes` stops the groups it
started, by id, when the run ends for any reason (normal end, error, Ctrl+C, SIGTERM).
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STOP_TIMEOUT = 10.0


def free_port(preferred: int) -> int:
    """``preferred`` when nothing listens on it on 127.0.0.1, else the next free one."""
    for port in range(preferred, preferred + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {preferred}")


def wait_for(check, *, what: str, timeout: float = 60.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(interval)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s")


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Processes:
    """Starts children in their own process groups and stops exactly those."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.children: dict[str, subprocess.Popen] = {}
        log_dir.mkdir(parents=True, exist_ok=True)

    def start(self, name: str, argv: list[str], env: dict) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115  (kept open by the child)
        child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.children[name] = child
        return child

    def alive(self, name: str) -> bool:
        child = self.children.get(name)
        return child is not None and child.poll() is None

    def stop(self, name: str):
        child = self.children.pop(name, None)
        if child is None or child.poll() is not None:
            return
        _signal_group(child.pid, signal.SIGTERM)
        try:
            child.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            _signal_group(child.pid, signal.SIGKILL)
            child.wait(STOP_TIMEOUT)
        # Stragglers of the group (gunicorn or Celery children) go too.
        _signal_group(child.pid, signal.SIGKILL)

    def stop_all(self):
        for name in reversed(list(self.children)):
            self.stop(name)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def _signal_group(pid: int, sig: int):
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)  # the child's own group: start_new_session made pid its id


def install_signal_handlers(processes: Processes):
    """Ctrl+C or SIGTERM: stop the children, then leave."""

    def handler(signum, frame):
        processes.stop_all()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


# --- The servers --------------------------------------------------------------------------------


def start_redis(processes: Processes, port: int) -> str:
    """A private Redis, without persistence, that B6 may stop without disturbing anyone else."""
    argv = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    processes.start("redis", argv, env=dict(os.environ))
    wait_for(lambda: port_open(port), what="redis-server", timeout=10)
    return f"redis://127.0.0.1:{port}/5"


def start_gunicorn(processes: Processes, env: dict, *, port: int, workers: int, worker_class: str, threads: int):
    """gunicorn on 127.0.0.1 only, with persistent database connections (CONN_MAX_AGE in ``env``)."""
    argv = [
        PYTHON, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--worker-class", worker_class,
        "--threads", str(threads),
        "--keep-alive", "30",
        "--backlog", "256",
        "--timeout", "60",
        "--log-level", "warning",
    ]  # fmt: skip
    processes.start("gunicorn", argv, env=env)
    wait_for(lambda: port_open(port), what="gunicorn", timeout=60)


def start_celery(processes: Processes, env: dict, *, concurrency: int = 1) -> None:
    argv = [
        PYTHON, "-m", "celery", "-A", "tasks", "worker",
        "--concurrency", str(concurrency), "--pool", "prefork",
        "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    processes.start("celery", argv, env=env)


def celery_ready(env: dict) -> bool:
    """A worker answers a ping through the broker."""
    probe = subprocess.run(
        [PYTHON, "-m", "celery", "-A", "tasks", "inspect", "ping", "--timeout", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


def pg_ready(conninfo: str) -> bool:
    try:
        with psycopg.connect(conninfo, connect_timeout=2) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False
