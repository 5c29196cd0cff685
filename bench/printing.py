"""B5: the meal list PDF, at two sizes (the renderer, with bench.pdf_scale) and end to end.

- 10,000 and 50,000 rows: ``python -m bench.pdf_scale`` in a fresh process for each size
  (peak RSS never goes down within one), which renders rows made in memory.
- 30 rows through the whole service: ``POST /api/v1/documents/`` (202), Celery picks the id
  up from Redis, the worker reads the roster from PostgreSQL, renders and stores it; the
  client polls ``GET /api/v1/documents/{id}/`` every 20 ms until ``ready`` and downloads the
  file. The day printed is a day ahead when exactly 30 residents hold a decision.
"""

import datetime
import re
import subprocess
import time

from bench.outcome import Outcome
from bench.prepare import Bench
from bench.processes import PYTHON, ROOT, wait_for

POLL_SECONDS = 0.02
ROSTER_RESIDENTS = 30


def render(bench: Bench, rows: int) -> dict:
    completed = subprocess.run(
        [PYTHON, "-m", "bench.pdf_scale", "--rows", str(rows)],
        cwd=ROOT,
        env=bench.env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"pdf_scale --rows {rows}: {completed.stderr[-2000:]}")
    figures = dict(re.findall(r"(\w+)=([\w.]+)", completed.stdout))
    return {name: float(value) if name != "kind" else value for name, value in figures.items()}


def pdf_sizes(bench: Bench, *, small: int, large: int) -> Outcome:
    outcome = Outcome("B5", f"Meal list PDF: {small:,} and {large:,} rows (renderer)")
    first, second = render(bench, small), render(bench, large)
    outcome.figures.update({f"rows_{small}": first, f"rows_{large}": second})
    outcome.target(f"{small:,} rows: time", first["seconds"], 4.0, "s")
    outcome.target(f"{small:,} rows: peak RSS", first["peak_rss_mib"], 150, "MiB")
    outcome.target(f"{large:,} rows: time vs {small:,}", second["seconds"] / first["seconds"], 5.5, "x")
    outcome.target(f"{large:,} rows: peak RSS", second["peak_rss_mib"], 300, "MiB")
    return outcome


def roster_day(bench: Bench) -> datetime.date:
    """An open day 45+ days ahead, past every ordinary decision; 30 residents get a decision for it."""
    from beneficiaries.calendar import public_holiday_name
    from beneficiaries.eligibility import residents_eligible_on
    from beneficiaries.models import Program

    day = bench.today + datetime.timedelta(days=45)
    while public_holiday_name(day):
        day += datetime.timedelta(days=1)
    chosen = list(residents_eligible_on(program=Program.HOT_MEAL, day=bench.today).order_by("id")[:ROSTER_RESIDENTS])
    bench.sql(
        """
        INSERT INTO beneficiaries_entitlement
            (resident_id, program, valid_from, valid_to, document_number, weekdays, status, created_at, funding)
        SELECT r, 'hot_meal', %s::date - 2, %s::date + 2, 'OPS.8220.B5.' || r, '1234567', 'active', now(), 'programme'
        FROM unnest(%s::bigint[]) AS r
        """,
        (day, day, [resident.pk for resident in chosen]),
    )
    return day


def end_to_end(bench: Bench, *, repeats: int) -> Outcome:
    outcome = Outcome(
        "B5e2e", f"Meal list of {ROSTER_RESIDENTS} rows, request to ready through Celery ({repeats} runs)"
    )
    from bench.processes import celery_ready

    wait_for(lambda: celery_ready(bench.env), what="Celery worker", timeout=90, interval=1)
    day = roster_day(bench)
    from meals.selectors.roster import meal_roster

    if len(meal_roster(day=day)) != ROSTER_RESIDENTS:
        outcome.failures.append(f"the roster of {day} has {len(meal_roster(day=day))} rows, not {ROSTER_RESIDENTS}")
    token = bench.token("coordinator")
    cold = _one_document(bench, day, token, outcome)  # the worker's first document loads fonts and modules
    times = [_one_document(bench, day, token, outcome) for _ in range(repeats)]
    times = [seconds for seconds in times if seconds is not None]
    outcome.figures.update(
        day=day.isoformat(),
        first_document_s=cold,
        seconds=[round(seconds, 3) for seconds in times],
        median_s=round(sorted(times)[len(times) // 2], 3) if times else None,
        max_s=round(max(times), 3) if times else None,
    )
    if times:
        outcome.target("slowest of the warm runs, request to ready", max(times), 1.0, "s")
    return outcome


def _one_document(bench: Bench, day: datetime.date, token: str, outcome: Outcome) -> float | None:
    started = time.perf_counter()
    created = bench.call("POST", "/api/v1/documents/", {"kind": "meal_roster", "date": day.isoformat()}, token=token)
    if created.status != 202:
        outcome.failures.append(f"document request: {created.status} {created.body[:300]!r}")
        return None
    document_id = created.json()["id"]
    deadline = started + 60
    while time.perf_counter() < deadline:
        state = bench.call("GET", f"/api/v1/documents/{document_id}/", token=token).json()
        if state["status"] != "pending":
            break
        time.sleep(POLL_SECONDS)
    ready = time.perf_counter() - started
    if state["status"] != "ready":
        outcome.failures.append(f"document {document_id} {state['status']}: {state.get('error')}")
        return None
    pdf = bench.call("GET", f"/api/v1/documents/{document_id}/file/", token=token)
    if pdf.status != 200 or not pdf.body.startswith(b"%PDF"):
        outcome.failures.append(f"document {document_id} file: {pdf.status}")
    return ready
