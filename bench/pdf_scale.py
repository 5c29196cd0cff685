"""How printing scales: render a printed list for N synthetic residents, report time and memory.

    .venv/bin/python -m bench.pdf_scale --rows 10000
    .venv/bin/python -m bench.pdf_scale --rows 50000 --kind monthly --out /tmp/report.pdf

Prints the seconds spent rendering (wall clock, and CPU time, which a busy machine disturbs
less), the process's peak RSS (MiB) and the PDF's size. The rows
are made in memory (no database), with Polish names, diets, allergies and half of them served,
so what is measured is the renderer alone. Run each size in its own process: peak RSS never
goes down within one.
"""

import argparse
import datetime
import os
import resource
import time
import zoneinfo

import django

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
DAY = datetime.date(2026, 3, 4)
LAST_NAMES = ("Żółć", "Ścisło", "Kowalski & Syn", "Łęcka", "Nowak", "Wiśniewska-Źdźbło", "<Mazur>", "Grzegorczyk")
FIRST_NAMES = ("Łukasz", "Źdźbło", "Anna", "Jan", "Małgorzata", "Ewa", "Józef", "Bożena")
DIETS = ([], ["vegetarian"], ["diabetic", "gluten_free"], [], ["soft"], [], ["no_pork", "lactose_free"])


def roster_rows(count: int) -> list:
    from meals.selectors.roster import RosterRow

    served_at = datetime.datetime.combine(DAY, datetime.time(12, 5), tzinfo=WARSAW)
    return [
        RosterRow(
            resident_id=n,
            last_name=f"{LAST_NAMES[n % 8]}{n}",
            first_name=FIRST_NAMES[n % 7],
            card_number=f"{n:08d}",
            birth_year=1940 + n % 60,
            district="chorzow_stary" if n % 3 else "maciejkowice",
            document_number=f"OPS.8220.{n}.2026",
            diet=DIETS[n % 7],
            allergies="orzechy laskowe, mleko krowie, seler i gorczyca" if n % 9 == 0 else "",
            issued_at=served_at if n % 2 else None,
            takeaway=n % 10 == 1,
        )
        for n in range(1, count + 1)
    ]


def roster_job(count: int):
    """The rows (built now) and a function that renders them."""
    from tasks.rendering.roster import render_meal_roster

    rows = roster_rows(count)
    printed_at = datetime.datetime.now(WARSAW)
    return lambda: render_meal_roster(
        day=DAY, rows=rows, point_name="Punkt wydawania posiłków", printed_at=printed_at, printed_by="bench"
    )


def monthly_job(count: int):
    from meals.selectors.figures import MonthlyMealFigures
    from tasks.rendering.monthly import render_monthly_report

    per_resident = [
        (n, f"{LAST_NAMES[n % 8]}{n}", FIRST_NAMES[n % 7], "chorzow_stary", n % 20 + 1) for n in range(count)
    ]
    total = sum(row[4] for row in per_resident)
    figures = MonthlyMealFigures(
        year=2026,
        month=3,
        per_day=[(DAY.replace(day=d), count // 2) for d in range(1, 29)],
        per_resident=per_resident,
        distinct_persons=count,
        by_district={"chorzow_stary": total},
        total=total,
    )
    printed_at = datetime.datetime.now(WARSAW)
    return lambda: render_monthly_report(figures=figures, point_name="Punkt", printed_at=printed_at, printed_by="bench")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--kind", choices=("roster", "monthly"), default="roster")
    parser.add_argument("--out", help="write the PDF here")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    job = (roster_job if args.kind == "roster" else monthly_job)(args.rows)
    before = peak_rss_mib()  # the interpreter, Django, and the rows themselves
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = job()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if args.out:
        with open(args.out, "wb") as out:
            out.write(pdf)
    print(
        f"kind={args.kind} rows={args.rows} seconds={seconds:.2f} cpu_seconds={cpu_seconds:.2f} "
        f"peak_rss_mib={peak_rss_mib():.0f} rss_with_rows_mib={before:.0f} pdf_kib={len(pdf) // 1024}"
    )


if __name__ == "__main__":
    main()
