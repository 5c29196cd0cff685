"""PostgreSQL restarted under a running service: the web server and the worker carry on by themselves.

Everything here is real and private to the test: a PostgreSQL cluster in a temporary folder
(the machine's own server serves other processes and is never restarted), a Redis broker,
gunicorn serving config.wsgi and a ``celery -A tasks worker``. The database is restarted
and stopped for real; the web server's process is the same before and after.
"""

import pytest

from tests.processes import (
    PrivateCluster,
    PrivateRedis,
    http,
    manage,
    postgres_bin_dir,
    service_env,
    start_web,
    start_worker,
    stop_process,
    wait_for,
)
from tests.security import figures

# Needs the PostgreSQL server binaries and redis-server; runs where CI runs the PostgreSQL/Redis tests.
pytestmark = [pytest.mark.postgres, pytest.mark.redis]

PASSWORD = "restart-test-password-1"


@pytest.fixture(scope="module")
def cluster():
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    cluster = PrivateCluster(bin_dir).create()
    cluster.start()
    cluster.create_database("cps")
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="module")
def service(cluster, tmp_path_factory):
    """Migrated database, a coordinator, gunicorn and a worker, all on the private servers."""
    broker = PrivateRedis().start()
    env = service_env(
        DATABASE_URL=cluster.url("cps"),
        REDIS_URL=broker.url,
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        VAR_DIR=tmp_path_factory.mktemp("var"),
    )
    manage(env, "migrate", "--noinput")
    manage(env, "create_staff_user", "coord", "--role", "coordinator", "--password", PASSWORD)
    web, base = start_web(env)
    worker = start_worker(env)
    yield web, base
    for process in (worker, web):
        stop_process(process)
    broker.kill()


def token_for(base: str) -> str:
    status, body = http("POST", f"{base}/api/v1/auth/token/", {"username": "coord", "password": PASSWORD})
    assert status == 200, body
    return body["token"]


def document_ready(base: str, token: str, month: str) -> bool:
    status, body = http("POST", f"{base}/api/v1/documents/", {"kind": "monthly_meals", "month": month}, token)
    assert status == 202, body
    url = f"{base}/api/v1/documents/{body['id']}/"
    return wait_for(lambda: http("GET", url, token=token)[1]["status"] == "ready", 60, "the worker's document")


def register_someone(base: str, token: str) -> int:
    status, resident = http("POST", f"{base}/api/v1/residents/", {"first_name": "Jan", "last_name": "Kowalski"}, token)
    assert status == 201, resident
    return resident["id"]


@pytest.mark.timeout(600)
def test_the_service_answers_again_after_postgresql_restarts(cluster, service):
    web, base = service
    token = token_for(base)
    resident_id = register_someone(base, token)
    assert document_ready(base, token, "2026-01")

    cluster.restart()
    figures.add("faults_injected")

    # The very next requests work: persistent connections are health-checked, not trusted.
    assert http("GET", f"{base}/healthz")[0] == 200
    status, body = http("GET", f"{base}/api/v1/residents/{resident_id}/", token=token)
    assert status == 200, body
    assert document_ready(base, token, "2026-02"), "the worker reconnects too"
    assert web.poll() is None, "the web server was not restarted"
    figures.add("faults_lost", 0)


@pytest.mark.timeout(600)
def test_while_postgresql_is_down_health_says_so_and_nothing_hangs(cluster, service):
    web, base = service
    token = token_for(base)
    cluster.stop()
    figures.add("faults_injected")
    try:
        status, body = http("GET", f"{base}/healthz")
        assert status == 503 and body["database"] == "unavailable"
        assert http("GET", f"{base}/api/v1/residents/", token=token)[0] >= 500
    finally:
        cluster.start()
    assert wait_for(lambda: http("GET", f"{base}/healthz")[0] == 200, 30, "health after the database returns")
    status, body = http("GET", f"{base}/api/v1/residents/", token=token)
    assert status == 200 and body["count"] >= 1
    assert web.poll() is None
