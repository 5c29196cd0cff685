"""The results: a table on the terminal (Markdown, pasted into bench/README.md) and a JSON file."""

import json
import os
import platform
import shutil
import subprocess
from pathlib import Path

from bench.outcome import Outcome


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as meminfo:
        total_kib = int(meminfo.readline().split()[1])
    postgres = _version(["psql", "--version"])
    redis = _version(["redis-server", "--version"]).split(" sha=")[0]
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(total_kib / 1024 / 1024, 1),
        "cpu_model": model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "postgresql_client": postgres,
        "redis": redis.strip(),
        "load_average_at_start": os.getloadavg(),
    }


def _version(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        return ""
    return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip()


def _measured(outcome: Outcome) -> str:
    f = outcome.figures
    if "throughput_per_s" in f and outcome.key in ("baseline", "B1", "B6"):
        return f"{f['throughput_per_s']:.0f}/s, p50 {f['p50_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms"
    if outcome.key.startswith("B3"):
        return f"p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms ({f.get('matches_median', '?')} matches median)"
    if outcome.key.startswith("B2"):
        return (
            f"{f['requests']} requests, {f['issues_created']} issued, {f['issues_voided']} voided, "
            f"{f['duplicates']} duplicates, statuses {f['statuses']}"
        )
    if outcome.key == "B4":
        broken = f.get("broken_rounds", 0)
        cpu = f"; CPU per sign-up: server {f.get('server_cpu_ms_per_signup', '?')} ms"
        cpu += f", database {f.get('database_cpu_ms_per_signup', '?')} ms (others: {f.get('other_cores', '?')} cores)"
        return f"p50 {f.get('p50_ms', '?')} ms, p99 {f.get('p99_ms', '?')} ms, rules broken in {broken} rounds{cpu}"
    if outcome.key == "B5":
        small, large = (value for key, value in f.items() if key.startswith("rows_"))
        return (
            f"{small['seconds']:.2f} s / {small['peak_rss_mib']:.0f} MiB; "
            f"{large['seconds']:.2f} s ({large['seconds'] / small['seconds']:.1f} x) / {large['peak_rss_mib']:.0f} MiB"
        )
    if outcome.key == "B5e2e":
        cold = f.get("first_document_s") or 0
        return f"median {f.get('median_s')} s, slowest {f.get('max_s')} s (first, cold worker: {cold:.2f} s)"
    return ""


def _targets(outcome: Outcome, judged: bool) -> str:
    return "; ".join(
        f"{t.name} {'≤' if t.at_most else '≥'} {t.limit:g}{t.unit}: {t.measured:.3g}{t.unit}"
        + (f" ({'met' if t.met else 'MISSED'})" if judged else "")
        for t in outcome.targets
    )


def table(outcomes: list[Outcome], *, judged: bool = True) -> str:
    """The results as Markdown; ``judged=False`` (``--tiny``) reports timings without verdicts."""
    lines = [
        "| scenario | measured | ratio vs baseline | targets | verdict |",
        "|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        ratio = "" if outcome.ratio is None else f"{outcome.ratio:.2f} x"
        if outcome.failures:
            verdict = "BROKEN"
        elif not outcome.targets:
            verdict = "(reference)"
        elif not judged:
            verdict = "(tiny: not judged)"
        else:
            verdict = "met" if outcome.met else "missed"
        cells = (f"{outcome.key}: {outcome.title}", _measured(outcome), ratio, _targets(outcome, judged), verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_json(path: Path, *, outcomes: list[Outcome], settings: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"machine": machine(), "settings": settings, "outcomes": [outcome.as_dict() for outcome in outcomes]}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False, default=str))
