"""Import of decisions at scale (issue 12): a 5,000-row file checked (dry run), then applied.

    flock /tmp/cps-bench.lock .venv/bin/python -m bench.imports             # 5,000 rows
    flock /tmp/cps-bench.lock .venv/bin/python -m bench.imports --rows 500  # quicker

Its own database (``cps_bench_imports`` on DATABASE_URL's server) is dropped, created and
migrated; a register of people is made by a first import (not measured). The measured file
names 5,000 decisions as a case system exports them: half for people already registered (by
PESEL or by names and birth date, a third of them with a new decision), half for new people,
1 % rows in error. Each phase runs in a fresh process through ``tasks.imports.import_request``
(read, match, apply or roll back, keep the outcome: what the worker does) and reports its
seconds and its peak resident memory. Targets: under 30 s for both phases together, under
300 MiB peak.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import time

from bench import data
from bench.prepare import DEFAULT_DATABASE_URL
from bench.processes import ROOT

NAME = "cps_bench_imports"
TARGET_SECONDS, TARGET_MIB = 30.0, 300.0
FIRST, LAST = ["Anna", "Jan", "Maria", "Piotr", "Łucja", "Zbigniew"], ["Nowak", "Kowalski", "Wójcik", "Żółć", "Lis"]


def decision_rows(first_id: int, count: int, *, suffix: str = "") -> list[dict]:
    """One hot-meal decision per person ``first_id..``; 4 in 5 with PESEL, the rest with a birth date."""
    rows = []
    for person in range(first_id, first_id + count):
        with_pesel = person % 5 != 0
        rows.append(
            {
                "nazwisko": f"{LAST[person % len(LAST)]}{person}",
                "imie": FIRST[person % len(FIRST)],
                "pesel": data.pesel_of(person, male=person % 2 == 1) if with_pesel else "",
                "data_urodzenia": "" if with_pesel else data.birth_date_of(person).strftime("%d.%m.%Y"),
                "ulica": "Jana Kasprowicza" if person % 3 else "Wiejska",
                "nr_domu": str(person % 90 + 1),
                "kod_pocztowy": "41-503",
                "program": "posilek",
                "nr_decyzji": f"OPS.8220.{person}.2026{suffix}",
                "od": "2026-01-02",
                "do": "2026-12-31",
                "dni": "1-5",
            }
        )
    return rows


def csv_bytes(rows: list[dict]) -> bytes:
    from beneficiaries.imports.reading import COLUMNS

    lines = [";".join(COLUMNS)] + [";".join(row.get(column, "") for column in COLUMNS) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1250")


def measured_file(rows: int) -> bytes:
    half = rows // 2
    known = decision_rows(1, half)  # the register holds people 1..half
    for index, row in enumerate(known):
        if index % 3 == 0:
            row["nr_decyzji"] += "/N"  # a new decision for someone registered
    new = decision_rows(half + 1, rows - half)
    for row in new[:: max(1, 100)]:
        row["od"] = "31.02.2026"  # 1 % in error
    return csv_bytes(known + new)


# --- One phase, in a process of its own ---------------------------------------------------------


def phase(name: str, rows: int) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tasks.imports import import_request

    settings.IMPORT_INLINE_ROWS = settings.IMPORT_MAX_ROWS  # processed here, as the worker does
    by = get_user_model().objects.create(username=f"bench-{name}-{time.time_ns()}")
    by.groups.add(Group.objects.get(name="coordinator"))
    if name == "seed":
        content, dry_run = csv_bytes(decision_rows(1, rows // 2)), False
    else:
        content, dry_run = measured_file(rows), name == "dry-run"
    started, cpu_started = time.perf_counter(), time.process_time()
    run = import_request(by=by, file_name=f"{name}.csv", content=content, dry_run=dry_run)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_mib": round(peak_mib, 1)}
    return {"phase": name, **figures, "load_average": os.getloadavg()[0], "summary": run.summary}


def run_phase(name: str, rows: int, env: dict) -> dict:
    command = [sys.executable, "-m", "bench.imports", "--phase", name, "--rows", str(rows)]
    output = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--phase", choices=("seed", "dry-run", "apply"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(phase(args.phase, args.rows)))
        return 0
    url = data.bench_url(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, NAME)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings", "REDIS_URL": ""}
    env.update(LOG_LEVEL="WARNING", DEBUG="0")
    data.recreate_database(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    print(f"[{datetime.datetime.now():%H:%M:%S}] register: {args.rows // 2:,} people (first import, not measured)")
    run_phase("seed", args.rows, env)
    results = [run_phase(name, args.rows, env) for name in ("dry-run", "apply")]
    for result in results:
        figures = f"{result['seconds']:6.2f} s ({result['cpu_seconds']:.2f} s CPU in Python)"
        figures += f", peak {result['peak_mib']:.0f} MiB"
        figures += f", load average {result['load_average']:.1f}"
        print(f"{result['phase']:8} {args.rows:,} rows: {figures}, {result['summary']}")
    total = sum(result["seconds"] for result in results)
    peak = max(result["peak_mib"] for result in results)
    print(f"together: {total:.2f} s (target < {TARGET_SECONDS:.0f} s), peak {peak:.0f} MiB (target < {TARGET_MIB:.0f})")
    broken = results[0]["summary"] != results[1]["summary"]
    if broken:
        print("BROKEN: the dry run and the import disagree", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
