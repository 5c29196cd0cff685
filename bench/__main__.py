"""``python -m bench``: prepare the data, start the servers, run B1-B6, print the table, write JSON.

    make bench                          # the full run (about 15 minutes on 2 cores)
    make bench BENCH_ARGS="--tiny"      # seconds of load on small data: proves it works (CI)
    .venv/bin/python -m bench --only B1,B6 --reuse-data    # again on the data of the last run

The exit code is 1 when something is functionally broken (a duplicate meal, a 5xx, a wrong
count, a broken waiting list, a failed document); timing targets are reported, never judged
by the exit code. See bench/README.md.
"""

import argparse
import datetime
import os
import sys
import time
import traceback
from pathlib import Path

from bench import checkins, data, printing, profile, search, signups
from bench.outcome import Outcome
from bench.prepare import DEFAULT_DATABASE_URL, VAR, Bench, Server
from bench.processes import ROOT, Processes, install_signal_handlers
from bench.report import table, write_json

FULL = {
    "sizes": data.Sizes(residents=100_000, issues=2_000_000, search_residents=(100_000, 1_000_000)),
    "rounds": 4, "clients": 16, "duration": 10.0, "warmup": 2.0, "race_residents": 300,
    "search_queries": 600, "signup_rounds": 10, "pdf_rows": (10_000, 50_000), "documents": 5,
}  # fmt: skip
TINY = {
    "sizes": data.Sizes(residents=3_000, issues=30_000, search_residents=(3_000, 6_000)),
    "rounds": 1, "clients": 16, "duration": 2.0, "warmup": 0.5, "race_residents": 30,
    "search_queries": 60, "signup_rounds": 1, "pdf_rows": (300, 1_500), "documents": 2,
}  # fmt: skip
SCENARIOS = ("B1", "B2", "B3", "B4", "B5", "B6")
SEARCH_LIMITS_MS = (50.0, 150.0)  # p95 at the first and the second register size


def parse(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="small data, seconds of load (CI)")
    parser.add_argument("--only", default=",".join(SCENARIOS), help="e.g. B1,B6 (baseline runs with B1 and B6)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4; see README)")
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"), help="gunicorn worker class")
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument("--reuse-data", action="store_true", help="keep the bench database if it has the right size")
    parser.add_argument("--rounds", type=int, help="rounds of baseline/B1/B6 (default 3; tiny 1)")
    parser.add_argument("--duration", type=float, help="seconds measured per round and scenario (default 10)")
    parser.add_argument("--profile", action="store_true", help="sample the server with py-spy during B1")
    parser.add_argument("--json", help="where to write the results (default bench/results/<time>.json)")
    args = parser.parse_args(argv)
    args.only = {key.strip().upper() for key in args.only.split(",") if key.strip()}
    if unknown := args.only - set(SCENARIOS):
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    return args


def log(message: str):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def prepare(bench: Bench, reuse: bool):
    counts = data.table_counts(bench.database_url) if reuse and _database_exists(bench) else None
    if counts and counts["beneficiaries_resident"] == bench.sizes.residents:
        log(f"Reusing the bench database: {counts}")
        bench.residents = bench.sizes.residents
        # What earlier runs added today or for days ahead goes; the past stays.
        bench.sql("DELETE FROM meals_mealissue WHERE date >= %s", (bench.today,))
        bench.sql("DELETE FROM beneficiaries_entitlement WHERE document_number LIKE 'OPS.8220.B5.%%'")
        bench.sql("VACUUM ANALYZE meals_mealissue")
        return
    bench.prepare_database()


def _database_exists(bench: Bench) -> bool:
    try:
        data.table_counts(bench.database_url)
        return True
    except Exception:  # no database or no tables: build it
        return False


def run_scenarios(bench: Bench, plan: dict, only: set[str]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    cards = checkins.Cards(bench)
    log(f"{len(cards):,} residents may eat today")
    if only & {"B1", "B6"}:
        log(f"Baseline, B1 and B6: {plan['rounds']} rounds of {plan['duration']:.0f} s each, {plan['clients']} clients")
        outcomes += checkins.checkin_rounds(
            bench,
            rounds=plan["rounds"],
            clients=plan["clients"],
            duration=plan["duration"],
            warmup=plan["warmup"],
            cards=cards,
        )
    if "B2" in only:
        for clients in (2, 16):
            log(f"B2: {plan['race_residents']} residents from {clients} clients at once, with voids and retries")
            outcomes.append(checkins.race(bench, clients=clients, cards=cards.take(plan["race_residents"])))
    if "B4" in only:
        log(f"B4: {plan['signup_rounds']} rounds of 50 simultaneous sign-ups for 12 places")
        outcomes.append(signups.signups(bench, rounds=plan["signup_rounds"]))
    if "B5" in only:
        log("B5: the meal list PDF")
        outcomes.append(printing.pdf_sizes(bench, small=plan["pdf_rows"][0], large=plan["pdf_rows"][1]))
        outcomes.append(printing.end_to_end(bench, repeats=plan["documents"]))
    if "B3" in only:
        for size, limit in zip(plan["sizes"].search_residents, SEARCH_LIMITS_MS, strict=True):
            if size > bench.residents:
                log(f"Growing the register to {size:,} residents")
                bench.grow(size)
            log(f"B3: search at {bench.residents:,} residents")
            outcomes += search.search_outcome(bench, queries=plan["search_queries"], limit_ms=limit)
    return outcomes


def main(argv=None) -> int:
    args = parse(argv)
    plan = dict(TINY if args.tiny else FULL)
    plan.update({key: getattr(args, key) for key in ("rounds", "duration") if getattr(args, key) is not None})
    processes = Processes(VAR / "logs")
    install_signal_handlers(processes)
    server = Server(workers=args.workers, worker_class=args.worker_class, threads=args.threads)
    bench = Bench(tiny=args.tiny, sizes=plan["sizes"], server=server, log=log, processes=processes)
    if args.profile and profile.binary() is None:
        raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")
    bench.profile = args.profile
    outcomes: list[Outcome] = []
    crashed = None
    started = time.monotonic()
    try:
        bench.configure(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
        prepare(bench, args.reuse_data)
        bench.start_servers()
        bench.log_in_everyone()
        outcomes = run_scenarios(bench, plan, args.only)
    except Exception:
        crashed = traceback.format_exc()
        for name in ("gunicorn", "celery", "redis"):
            if tail := processes.log_tail(name, 15):
                print(f"--- last lines of {name}.log ---\n{tail}", file=sys.stderr)
    finally:
        processes.stop_all()
    return _finish(args, plan, bench, outcomes, crashed, time.monotonic() - started)


def _finish(args, plan, bench: Bench, outcomes: list[Outcome], crashed: str | None, seconds: float) -> int:
    print()
    print(table(outcomes, judged=not args.tiny))
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(args.json) if args.json else ROOT / "bench" / "results" / f"{stamp}{'-tiny' if args.tiny else ''}.json"
    settings = {
        "tiny": args.tiny,
        "server": bench.server.describe(),
        "load_generator": "bench.http: asyncio HTTP/1.1 keep-alive client, closed loop",
        "sizes": vars(plan["sizes"]),
        "plan": {key: value for key, value in plan.items() if key != "sizes"},
        "seconds": round(seconds),
    }
    write_json(path, outcomes=outcomes, settings=settings)
    print(f"\nJSON: {path}   ({seconds / 60:.1f} min)")
    broken = [f"{outcome.key}: {failure}" for outcome in outcomes for failure in outcome.failures]
    if crashed:
        print(f"\nThe benchmark stopped on an error:\n{crashed}", file=sys.stderr)
    for line in broken:
        print(f"BROKEN {line}", file=sys.stderr)
    return 1 if crashed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
