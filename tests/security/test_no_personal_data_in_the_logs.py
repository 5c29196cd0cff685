"""Searches carry names and PESEL numbers in query strings: none of it reaches the logs of a real server.

gunicorn runs as in production (gunicorn.conf.py, access log on, the service's own log at INFO)
and its whole output is read back (docs/security.md#logs).
"""

import urllib.parse

import pytest

from tests.factories import ResidentFactory
from tests.processes import env_sharing_this_test, http, manage, start_web, stop_process

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PESEL = "44051401359"
SURNAME = "Przybyszewska"
PASSWORD = "logs-test-password-1"


def test_a_searched_pesel_and_surname_are_in_no_log_line(tmp_path):
    ResidentFactory(first_name="Zofia", last_name=SURNAME, pesel=PESEL)
    env = env_sharing_this_test(LOG_LEVEL="INFO")
    manage(env, "create_staff_user", "coord", "--role", "coordinator", "--password", PASSWORD)
    log = tmp_path / "gunicorn.log"
    web, base = start_web(env, log=log)
    try:
        status, body = http("POST", f"{base}/api/v1/auth/token/", {"username": "coord", "password": PASSWORD})
        token = body["token"]
        for term in (PESEL, SURNAME, PESEL[:6]):
            url = f"{base}/api/v1/residents/?{urllib.parse.urlencode({'search': term})}"
            status, found = http("GET", url, token=token, headers={"Referer": f"{base}/residents/?q={term}"})
            assert status == 200 and found["count"] == 1
        assert http("GET", f"{base}/api/v1/residents/?search={SURNAME}&page=99", token=token)[0] == 404
    finally:
        stop_process(web)
    written = log.read_text()
    assert PESEL[:6] not in written and SURNAME not in written
    assert "GET /api/v1/residents/ HTTP/1.1" in written, "the access log is on and records paths"
