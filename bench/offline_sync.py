"""How long the counter takes to send 200 meals served offline, and how big the counter is (issue 14).

    flock /tmp/cps-bench.lock .venv/bin/python -m bench.offline_sync [--queued 200]

Its own database (``cps_offline_bench`` on ``DATABASE_URL``'s server, dropped and migrated) and its
own gunicorn (2 workers, DEBUG=0) on 127.0.0.1; the demo data (``load_demo_data``) plus as many
extra eligible residents as meals to queue. Debian's Chromium (``CHROMIUM_PATH``) logs in as the demo's counter
user, opens the counter, switches to offline by hand, and ``--queued`` meals of as many residents
are put in the device's queue (IndexedDB) as the counter would have put them; the page is
reloaded and sends them. Timed: from the first POST's start to the last answer's end (the
browser's Resource Timing), and from the reload to an empty queue. Then the server must hold
exactly those meals, each ``source: "offline"``. Also printed: the bytes of the counter's HTML,
JS and CSS, and of the demo day's offline pack.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import data
from bench.prepare import DEFAULT_DATABASE_URL
from bench.processes import ROOT, Processes, free_port, install_signal_handlers, start_gunicorn

PYTHON = sys.executable
DATABASE = "cps_offline_bench"
PASSWORD = "demo-wydawanie"

QUEUE_THEM = """async ([count]) => {
  const pack = await window.CounterStore.loadPack('wydawanie', JSON.parse(
    document.getElementById('counter-config').textContent).today);
  const residents = pack.residents.filter(r => !r.issued_at).slice(0, count);
  const start = Date.now() - 60 * 60 * 1000;
  for (const [index, resident] of residents.entries()) {
    await window.CounterStore.putQueued({
      client_ref: 'bench-' + index, user: 'wydawanie', state: 'waiting', seq: index,
      resident: resident, takeaway: false, collected_by: '',
      issued_at: new Date(start + index * 1000).toISOString(),
    });
  }
  return residents.length;
}"""
SENT = """() => performance.getEntriesByType('resource')
  .filter(e => e.initiatorType === 'fetch' && e.name.endsWith('/api/v1/meals/issues/'))
  .map(e => [e.startTime, e.responseEnd])"""


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


def prepare(env: dict, extra: int) -> None:
    say("database, demo data and extra residents")
    data.recreate_database(env["DATABASE_URL"])
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_data")
    manage(env, "shell", "-c", _EXTRA_RESIDENTS.replace("EXTRA", str(extra)))


# Residents enough for the queue, eligible every day of the bench's week (bench.settings).
_EXTRA_RESIDENTS = """
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from beneficiaries.services.entitlements import entitlement_create
from beneficiaries.services.residents import resident_create
by = get_user_model().objects.get(username="koordynator")
today = timezone.localdate()
for n in range(EXTRA):
    r, _ = resident_create(by=by, first_name=f"Ława{n}", last_name="Ławecka", street="Cisowa", building="1")
    entitlement_create(resident=r, by=by, program="hot_meal", valid_from=today, valid_to=today,
                       document_number=f"BENCH.{n}", weekdays=[1, 2, 3, 4, 5, 6, 7])
"""


def measure(base: str, queued: int) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--headless=new", "--no-sandbox", "--disable-gpu"],
        )
        # bypass_csp: the waits below evaluate strings, which the counter's CSP refuses to pages.
        page = browser.new_context(locale="pl-PL", bypass_csp=True).new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{base}/login/")
        page.fill("#id_username", "wydawanie")
        page.fill("#id_password", PASSWORD)
        page.click("main form[action='/login/'] button[type=submit]")
        page.wait_for_url("**/meals/counter/")
        page.goto(f"{base}/meals/counter/")
        page.wait_for_function("document.getElementById('pack-age').textContent.includes('os.')")
        sizes = _sizes(page, base)
        page.click("#mode-switch")  # offline by hand: nothing is sent while the queue is filled
        put = page.evaluate(QUEUE_THEM, [queued])
        started = time.perf_counter()
        page.reload()
        page.wait_for_function("document.getElementById('offline').dataset.waiting === '0'", timeout=300_000)
        wall = time.perf_counter() - started
        sent = page.evaluate(SENT)
        browser.close()
    first, last = min(s for s, _ in sent), max(e for _, e in sent)
    return {"queued": put, "posts": len(sent), "sync_s": (last - first) / 1000, "reload_to_empty_s": wall, **sizes}


def _sizes(page, base: str) -> dict:
    """Bytes on the wire before compression: the counter's page, its scripts and styles; the pack."""
    html = page.evaluate("() => fetch(location.href).then(r => r.text()).then(t => new Blob([t]).size)")
    assets = page.evaluate(
        """() => Promise.all([...document.querySelectorAll('script[src], link[rel=stylesheet]')]
             .map(e => fetch(e.src || e.href).then(r => r.blob()).then(b => [e.src || e.href, b.size])))"""
    )
    pack = page.evaluate(
        "() => fetch('/api/v1/meals/offline-pack/').then(r => r.text())"
        ".then(t => [new Blob([t]).size, JSON.parse(t).residents.length])"
    )
    js = sum(size for url, size in assets if url.endswith(".js"))
    css = sum(size for url, size in assets if url.endswith(".css"))
    return {"html_bytes": html, "js_bytes": js, "css_bytes": css, "pack_bytes": pack[0], "pack_residents": pack[1]}


def verify(env: dict, queued: int) -> dict:
    script = (
        "from meals.models import MealIssue; import json; "
        "q = MealIssue.objects.filter(client_ref__startswith='bench-'); "
        "print(json.dumps({'recorded': q.count(), 'offline': q.filter(source='offline').count(), "
        "'distinct_refs': q.values('client_ref').distinct().count()}))"
    )
    found = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
    found["ok"] = found["recorded"] == found["offline"] == found["distinct_refs"] == queued
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queued", type=int, default=200)
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": data.bench_url(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, DATABASE),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": "bench-only-" + "x" * 40,
    }
    prepare(env, extra=args.queued)
    processes = Processes(Path(tempfile.mkdtemp(prefix="cps-offline-bench-")))
    install_signal_handlers(processes)
    port = free_port(8700)
    try:
        start_gunicorn(processes, env, port=port, workers=2, worker_class="sync", threads=1)
        say("gunicorn up; the browser fills the queue and sends it")
        figures = measure(f"http://127.0.0.1:{port}", args.queued)
    finally:
        processes.stop_all()
    figures.update(verify(env, args.queued))
    print(json.dumps(figures, indent=2))
    return 0 if figures["ok"] and figures["queued"] == args.queued else 1


if __name__ == "__main__":
    sys.exit(main())
