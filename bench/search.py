"""B3: resident search (docs/api.md ``GET /api/v1/residents/?search=``) typed without Polish letters.

Queries are made from residents drawn at random from the register, so common surnames are
searched as often as they occur, and typed the way people type at a desk: no diacritics, some
capitalised, the surname alone, surname and first name, or first name and the start of the
surname. Each query must find at least one resident (the one it was made from). The counter's
own search (``/api/v1/meals/residents/``, ten rows, no count) is measured alongside, without a
target.
"""

import asyncio
import random
from urllib.parse import quote

from bench.cpu import CpuMeter
from bench.http import Request, closed_loop
from bench.outcome import Outcome, latency_figures
from bench.prepare import HOST, Bench

CLIENTS = 2  # two desks searching at once


def typed_queries(bench: Bench, count: int, seed: int) -> list[str]:
    from config.text import fold

    rng = random.Random(seed)
    drawn = [rng.randint(1, bench.residents) for _ in range(count * 2)]
    # Staff look for people they serve: active residents (the counter's search shows no others).
    query = "SELECT id, first_name, last_name FROM beneficiaries_resident WHERE id = ANY(%s) AND is_active"
    names = {row[0]: row[1:] for row in bench.sql(query, (drawn,))}
    queries = []
    for resident_id in [resident_id for resident_id in drawn if resident_id in names][:count]:
        first, last = (fold(part) for part in names[resident_id])
        shape = rng.random()
        if shape < 0.4:
            text = last
        elif shape < 0.8:
            text = f"{last} {first}"
        else:
            text = f"{first} {last[: max(4, len(last) // 2)]}"
        queries.append(text.title() if rng.random() < 0.5 else text)
    return queries


def search(bench: Bench, *, queries: int, warmup_queries: int, path: str, key: str, title: str) -> Outcome:
    texts = typed_queries(bench, queries + warmup_queries, seed=bench.residents)
    pending = iter(texts)
    counts: list[int] = []
    problems: list[str] = []

    def next_request(_client):
        text = next(pending, None)
        return None if text is None else Request("GET", f"{path}?search={quote(text)}")

    def on_response(_client, request, response):
        found = _found(response)
        if response.status != 200 or found == 0:
            if len(problems) < 5:
                problems.append(f"{request.path}: {response.status} {response.body[:200]!r}")
            return
        counts.append(found)

    meter = CpuMeter(bench.server_pgid, bench.backend_pids)
    meter.start()
    run = asyncio.run(_warm_then_measure(bench, next_request, on_response, warmup_queries))
    outcome = Outcome(key, title, figures={**latency_figures(run), "clients": CLIENTS})
    outcome.figures["cpu"] = meter.stop(run.wall_seconds).as_dict()
    counts.sort()
    if counts:
        outcome.figures["matches_median"] = counts[len(counts) // 2]
        outcome.figures["matches_p95"] = counts[int(0.95 * (len(counts) - 1))]
    if problems:
        outcome.failures.append(f"{len(problems)}+ searches failed or found nobody, e.g. {problems}")
    return outcome


def _found(response) -> int:
    if response.status != 200:
        return 0
    body = response.json()
    return body["count"] if isinstance(body, dict) and "count" in body else len(body.get("results", body))


async def _warm_then_measure(bench: Bench, next_request, on_response, warmup_queries: int):
    """A few queries first (not measured) so that each worker has its connection and caches."""
    tokens = bench.tokens["distribution"]
    common = {"host": HOST, "port": bench.http_port, "tokens": tokens, "clients": CLIENTS, "warmup": 0, "duration": 600}
    await closed_loop(**common, next_request=next_request, max_requests=warmup_queries)
    return await closed_loop(**common, next_request=next_request, on_response=on_response)


def search_outcome(bench: Bench, *, queries: int, limit_ms: float) -> tuple[Outcome, Outcome]:
    label = f"{bench.residents:,}"
    api = search(
        bench,
        queries=queries,
        warmup_queries=40,
        path="/api/v1/residents/",
        key=f"B3@{bench.residents}",
        title=f"Search at {label} residents (API, paginated with count)",
    )
    api.target("p95", api.figures["p95_ms"], limit_ms, "ms")
    counter = search(
        bench,
        queries=queries // 2,
        warmup_queries=20,
        path="/api/v1/meals/residents/",
        key=f"B3c@{bench.residents}",
        title=f"Counter search at {label} residents (10 rows, no count; no target)",
    )
    return api, counter
