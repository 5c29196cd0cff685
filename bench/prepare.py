"""Everything a run needs before the first measurement: the database, the servers, the tokens.

The benchmark uses its own database (``cps_bench``, ``cps_bench_tiny`` for ``--tiny``) on the
server named by DATABASE_URL, and its own redis-server on a free port from 6390, so it never
touches anyone's data and B6 may stop Redis without disturbing other programs.
"""

import asyncio
import datetime
import os
import secrets
import shutil
import time
from dataclasses import dataclass, field

import psycopg

from bench import data
from bench.http import Request, one
from bench.processes import ROOT, Processes, free_port, start_celery, start_gunicorn, start_redis

VAR = ROOT / "var" / "bench"
PASSWORD = "bench-" + "x" * 12  # every bench user's password (the bench database only)
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Server:
    """How gunicorn runs: ``sync`` (a connection per request) or ``gthread`` (keep-alive, ``threads`` each)."""

    workers: int
    worker_class: str = "sync"
    threads: int = 1

    def describe(self) -> str:
        threads = f", {self.threads} threads each" if self.worker_class == "gthread" else ""
        return f"{self.workers} {self.worker_class} workers{threads}"


@dataclass
class Bench:
    """The state shared by the scenarios."""

    tiny: bool
    sizes: data.Sizes
    server: Server
    log: callable
    processes: Processes
    database_url: str = ""
    redis_port: int = 0
    http_port: int = 0
    env: dict = field(default_factory=dict)
    today: datetime.date | None = None
    tokens: dict[str, list[str]] = field(default_factory=dict)
    staff_ids: list[int] = field(default_factory=list)
    residents: int = 0  # residents in the database now
    profile: bool = False  # sample the server with py-spy during B1 (bench.profile)

    # --- Environment and database ----------------------------------------------------------

    def configure(self, source_url: str):
        """Environment of this process and of every server it starts; Django set up on it."""
        name = "cps_bench_tiny" if self.tiny else "cps_bench"
        self.database_url = data.bench_url(source_url, name)
        self.redis_port = free_port(6390)
        self.http_port = free_port(8790)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/5",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "CONN_MAX_AGE": "600",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            "VAR_DIR": str(VAR),
            "MEDIA_ROOT": str(VAR / "media"),
        }
        os.environ.update(self.env)
        import django

        django.setup()
        from django.utils import timezone

        self.today = timezone.localdate()

    def prepare_database(self):
        from django.core.management import call_command

        self.log(f"Database {self.database_url.rsplit('/', 1)[1]}: create, migrate, load")
        started = time.monotonic()
        data.recreate_database(self.database_url)
        shutil.rmtree(VAR / "media", ignore_errors=True)
        call_command("migrate", verbosity=0, interactive=False)
        self.log(f"  migrated ({time.monotonic() - started:.0f} s)")
        self._create_users()
        data.load(self.database_url, sizes=self.sizes, today=self.today, staff=self.staff_ids, log=self.log)
        self.residents = self.sizes.residents

    def _create_users(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password
        from django.contrib.auth.models import Group

        stations = 4 if self.tiny else 16
        users = [(f"lada{n:02d}", "distribution") for n in range(1, stations + 1)]
        users += [("koordynator", "coordinator"), ("warsztaty", "workshop")]
        encoded = make_password(PASSWORD)  # one hash for all: PBKDF2 is slow on purpose
        groups = {group.name: group for group in Group.objects.all()}
        for username, role in users:
            user = get_user_model().objects.create(username=username, password=encoded, first_name=username.title())
            user.groups.add(groups[role])
        self.staff_ids = list(
            get_user_model().objects.filter(groups__name="distribution").order_by("id").values_list("id", flat=True)
        )

    def grow(self, target: int):
        data.grow_residents(self.database_url, current=self.residents, target=target, today=self.today, log=self.log)
        self.residents = target

    def sql(self, query: str, params=None) -> list[tuple]:
        with psycopg.connect(data.conninfo(self.database_url), autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def backend_pids(self) -> list[int]:
        rows = self.sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in rows]

    # --- Servers ---------------------------------------------------------------------------------

    def start_servers(self):
        start_redis(self.processes, self.redis_port)
        self.start_web()
        start_celery(self.processes, self.env)
        self.log(
            f"Servers: gunicorn {self.server.describe()} on 127.0.0.1:{self.http_port}, "
            f"redis-server on 127.0.0.1:{self.redis_port}, one Celery worker"
        )

    def start_web(self):
        start_gunicorn(
            self.processes,
            self.env,
            port=self.http_port,
            workers=self.server.workers,
            worker_class=self.server.worker_class,
            threads=self.server.threads,
        )

    def stop_redis(self):
        self.processes.stop("redis")

    def restart_redis(self):
        start_redis(self.processes, self.redis_port)

    @property
    def server_pgid(self) -> int:
        return self.processes.children["gunicorn"].pid

    # --- HTTP ------------------------------------------------------------------------------------

    def call(self, method: str, path: str, body: dict | None = None, *, token: str | None = None):
        return asyncio.run(one(HOST, self.http_port, Request(method, path, body), token=token))

    def log_in_everyone(self):
        """A DRF token for each bench user, through POST /api/v1/auth/token/."""
        from django.contrib.auth import get_user_model

        users = list(get_user_model().objects.order_by("id").values_list("username", "groups__name"))

        # As many at once as there are workers: PBKDF2 is slow on purpose, and on a busy machine
        # eighteen queued logins outlived the request timeout.
        gate = asyncio.Semaphore(self.server.workers)

        async def log_in(username):
            body = {"username": username, "password": PASSWORD}
            async with gate:
                response = await one(HOST, self.http_port, Request("POST", "/api/v1/auth/token/", body))
            if response.status != 200:
                raise RuntimeError(f"login of {username}: {response.status} {response.body[:200]!r}")
            return response.json()["token"]

        async def all_of_them():
            return await asyncio.gather(*(log_in(username) for username, _role in users))

        tokens = asyncio.run(all_of_them())
        for (_username, role), token in zip(users, tokens, strict=True):
            self.tokens.setdefault(role, []).append(token)

    def token(self, role: str) -> str:
        return self.tokens[role][0]
