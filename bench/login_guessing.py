"""Password guesses per minute at one account, with a spoofed client address on every request.

A real gunicorn (2 worker processes) on a private Redis and a database of its own
(``cps_bench_login`` on DATABASE_URL's server, dropped and created). For each login surface
(the token endpoint, the staff page, the admin page) 8 threads guess one account's password
for a minute, each request with a fresh random ``X-Forwarded-For`` and ``X-Real-IP``; a guess
counts as checked when the answer is a "wrong password" rather than a refusal. The target is
the configured limit (LOGIN_FAILURES_PER_USERNAME, 10) and nothing more.

    flock /tmp/cps-bench.lock .venv/bin/python -m bench.login_guessing [--seconds 60]
"""

import argparse
import http.cookiejar
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from bench import data
from bench.prepare import DEFAULT_DATABASE_URL

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "cps_bench_login"
PASSWORD = "bench-login-password-1"
THREADS = 8


def spoofed() -> dict:
    address = ".".join(str(random.randint(1, 254)) for _ in range(4))  # noqa: S311 - not a secret
    return {"X-Forwarded-For": address, "X-Real-IP": address}


class Session:
    """One browser-like client: cookies, and the CSRF token of the page it last read."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def send(self, path: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def form_guess(self, path: str, username: str) -> tuple[int, str]:
        _, page = self.send(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": "guess"})
        return self.send(path, body.encode(), {**spoofed(), "Referer": self.base + path})


CHECKED, REFUSED = "checked", "refused"  # the password was compared / the limit refused it


def token_guess(session: Session, username: str) -> str:
    body = f'{{"username": "{username}", "password": "guess"}}'.encode()
    status, _ = session.send("/api/v1/auth/token/", body, {**spoofed(), "Content-Type": "application/json"})
    return {400: CHECKED, 429: REFUSED}.get(status, str(status))


def page_guess(session: Session, username: str) -> str:
    status, _ = session.form_guess("/login/", username)
    return {200: CHECKED, 429: REFUSED}.get(status, str(status))


def admin_guess(session: Session, username: str) -> str:
    status, page = session.form_guess("/admin/login/", username)
    if status != 200:
        return str(status)
    return REFUSED if "Zbyt wiele" in page else CHECKED


def guess_for(seconds: float, base: str, username: str, guess) -> Counter:
    """How THREADS clients' guesses were answered in ``seconds``."""
    answers, lock = Counter(), threading.Lock()
    deadline = time.monotonic() + seconds

    def run():
        session = Session(base)
        while time.monotonic() < deadline:
            answer = guess(session, username)
            with lock:
                answers[answer] += 1

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def fresh_database() -> str:
    """The benchmark's own database on DATABASE_URL's server, dropped and created (bench/data.py)."""
    url = data.bench_url(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, DATABASE)
    data.recreate_database(url)
    return url


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    seconds = parser.parse_args().seconds
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tests.processes import PrivateRedis, free_port, manage, port_open, service_env, stop_process, wait_for

    redis = PrivateRedis().start()
    env = service_env(  # plain HTTP on loopback: cookies without the Secure flag, or no CSRF cookie comes back
        DATABASE_URL=fresh_database(), REDIS_URL=redis.url, VAR_DIR="/tmp/cps-bench-login-var", SECURE_COOKIES="0"
    )
    manage(env, "migrate", "--noinput")
    for name in ("token-user", "page-user", "admin-user"):
        manage(env, "create_staff_user", name, "--role", "coordinator", "--password", PASSWORD)
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2"]
    web = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: port_open(port), 60, "gunicorn")
        base = f"http://127.0.0.1:{port}"
        for surface, username, guess in (
            ("POST /api/v1/auth/token/", "token-user", token_guess),
            ("POST /login/", "page-user", page_guess),
            ("POST /admin/login/", "admin-user", admin_guess),
        ):
            answers = guess_for(seconds, base, username, guess)
            per_minute = answers[CHECKED] * 60 / seconds
            print(f"{surface:26} {answers.total():6} guesses, {per_minute:.0f} checked a minute: {dict(answers)}")
    finally:
        stop_process(web)
        redis.kill()


if __name__ == "__main__":
    main()
