"""Baseline, B1 (check-in throughput), B6 (the same with Redis stopped) and B2 (races and voids).

Baseline, B1 and B6 run in alternating rounds (baseline, B1, B6, baseline, B1, B6, ...) so that
a neighbour's burst on a shared machine disturbs all three alike; each scenario's figures pool
its rounds. Every check-in of B1 and B6 is a different resident, eligible today, found by card
(what a scanner sends) with a client_ref (what the counter page sends).
"""

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass

from bench.cpu import CpuMeter
from bench.http import Connection, Request, RunResult, closed_loop
from bench.outcome import Outcome, latency_figures, p
from bench.prepare import HOST, VAR, Bench
from bench.profile import Recorder

ISSUES = "/api/v1/meals/issues/"
NATIONAL_BOUND = 360  # check-ins a second: every FEAD recipient in Poland within one hour


class Cards:
    """Card numbers of residents eligible and not yet served today, each handed out once."""

    def __init__(self, bench: Bench, seed: int = 7):
        from beneficiaries.eligibility import residents_eligible_on
        from beneficiaries.models import Program
        from meals.models import MealIssue

        served = MealIssue.objects.filter(date=bench.today, voided_at__isnull=True).values("resident_id")
        eligible = residents_eligible_on(program=Program.HOT_MEAL, day=bench.today).exclude(id__in=served)
        cards = list(eligible.order_by("id").values_list("card_number", flat=True))
        random.Random(seed).shuffle(cards)
        self._cards = cards
        self._next = 0

    def __len__(self):
        return len(self._cards) - self._next

    def take(self, count: int) -> list[str]:
        taken = self._cards[self._next : self._next + count]
        self._next += len(taken)
        return taken

    def next(self) -> str | None:
        taken = self.take(1)
        return taken[0] if taken else None


@dataclass
class Segment:
    run: RunResult
    cpu: dict


def _measure(bench: Bench, *, clients: int, duration: float, warmup: float, next_request, on_response) -> Segment:
    meter = CpuMeter(bench.server_pgid, bench.backend_pids)
    meter.start()
    run = asyncio.run(
        closed_loop(
            host=HOST,
            port=bench.http_port,
            tokens=bench.tokens["distribution"],
            clients=clients,
            duration=duration,
            warmup=warmup,
            next_request=next_request,
            on_response=on_response,
        )
    )
    return Segment(run, meter.stop(run.wall_seconds).as_dict())


class Unexpected:
    """Counts responses that are not what the scenario expects, keeping a few bodies to show."""

    def __init__(self, expected: int):
        self.expected = expected
        self.count = 0
        self.samples: list[str] = []

    def __call__(self, _client, _request, response):
        if response.status != self.expected:
            self.count += 1
            if len(self.samples) < 5:
                self.samples.append(f"{response.status} {response.body[:300].decode(errors='replace')}")


def checkin_rounds(bench: Bench, *, rounds: int, clients: int, duration: float, warmup: float, cards: Cards):
    """Baseline, B1 and B6 outcomes from ``rounds`` alternating rounds."""
    rng = random.Random(11)
    runs: dict[str, list[Segment]] = {"baseline": [], "B1": [], "B6": []}
    unexpected = {key: Unexpected(200 if key == "baseline" else 201) for key in runs}
    broker_seen_down = []
    profiles: dict[str, str] = {}

    def baseline_request(_client):
        return Request("GET", f"/bench/baseline/{rng.randint(1, bench.residents)}/")

    def checkin_request(_client):
        card = cards.next()
        return None if card is None else Request("POST", ISSUES, {"card": card, "client_ref": uuid.uuid4().hex})

    for number in range(1, rounds + 1):
        for key, make in (("baseline", baseline_request), ("B1", checkin_request), ("B6", checkin_request)):
            if key == "B6":
                bench.stop_redis()
                broker_seen_down.append(bench.call("GET", "/healthz").json().get("broker"))
            recorder = _recorder(bench, key, number)
            try:
                segment = _measure(
                    bench,
                    clients=clients,
                    duration=duration,
                    warmup=warmup,
                    next_request=make,
                    on_response=unexpected[key],
                )
            finally:
                if key == "B6":
                    bench.restart_redis()
                if recorder is not None:
                    profiles[key] = recorder.stop()
                    bench.log(f"  profile of the server during {key}:\n{profiles[key]}")
            runs[key].append(segment)
            bench.log(
                f"  round {number} {key:8} {segment.run.throughput:7.1f}/s  p99 {p(segment.run, 0.99):6.1f} ms  "
                f"cpu {segment.cpu}"
            )
    outcomes = _outcomes(runs, unexpected, clients, broker_seen_down)
    for outcome in outcomes:
        if outcome.key in profiles:
            outcome.figures["profile"] = profiles[outcome.key].splitlines()
    return outcomes


def _recorder(bench: Bench, key: str, number: int):
    """py-spy on the server during the first round of baseline and B1, when --profile asked for it."""
    if not bench.profile or number != 1 or key == "B6":
        return None
    return Recorder(bench.server_pgid, VAR / "profiles" / f"{key}.collapsed")


def _pooled(segments: list[Segment]) -> RunResult:
    pooled = segments[0].run
    for segment in segments[1:]:
        pooled = pooled.merge(segment.run)
    return pooled


def _outcomes(runs, unexpected, clients, broker_seen_down) -> tuple[Outcome, Outcome, Outcome]:
    pooled = {key: _pooled(segments) for key, segments in runs.items()}
    figures = {
        key: {
            **latency_figures(run),
            "clients": clients,
            "rounds": [round(segment.run.throughput, 1) for segment in runs[key]],
            "cpu_per_round": [segment.cpu for segment in runs[key]],
        }
        for key, run in pooled.items()
    }
    base = pooled["baseline"].throughput or 1e-9

    baseline = Outcome("baseline", "Baseline: authenticated GET of one row by primary key", figures=figures["baseline"])
    b1 = Outcome("B1", f"Check-in throughput, {clients} clients", figures=figures["B1"])
    b1.ratio = pooled["B1"].throughput / base
    b1.target("throughput vs baseline", b1.ratio, 0.5, "x", at_most=False)
    b1.target("p99", p(pooled["B1"], 0.99), 100, "ms")
    b1.target("check-ins a second", pooled["B1"].throughput, NATIONAL_BOUND, "/s", at_most=False)
    b6 = Outcome("B6", f"Check-in with Redis stopped, {clients} clients", figures=figures["B6"])
    b6.ratio = pooled["B6"].throughput / base
    b6.figures["healthz_broker_while_stopped"] = broker_seen_down
    b6.target("p99 vs B1's", p(pooled["B6"], 0.99) / p(pooled["B1"], 0.99), 1.10, "x")
    if any(state != "unavailable" for state in broker_seen_down):
        b6.failures.append(f"Redis was not seen stopped by /healthz: {broker_seen_down}")
    for outcome in (baseline, b1, b6):
        check = unexpected[outcome.key]
        if check.count:
            outcome.failures.append(f"{check.count} unexpected responses, e.g. {check.samples}")
        if pooled[outcome.key].errors:
            outcome.failures.append(f"connection errors: {dict(pooled[outcome.key].errors)}")
        if pooled[outcome.key].count == 0:
            outcome.failures.append("no request completed")
    return baseline, b1, b6


# --- B2 ---------------------------------------------------------------------------------------


@dataclass
class RaceLog:
    statuses: Counter
    latencies: list[float]
    created: dict[int, str]  # issue id -> card
    voided: set[int]
    problems: list[str]


async def _race_client(index, bench, cards, log: RaceLog, *, void_share, retry_share):
    """Goes through the same cards as every other client: check in, sometimes retry, sometimes void."""
    rng = random.Random(1000 + index)
    tokens = bench.tokens["distribution"]
    connection = Connection(HOST, bench.http_port, token=tokens[index % len(tokens)])

    async def send(request, expected: tuple[int, ...]):
        response = await connection.send(request)
        log.statuses[response.status] += 1
        log.latencies.append(response.seconds)
        if response.status not in expected and len(log.problems) < 20:
            log.problems.append(f"{request.method} {request.path}: {response.status} {response.body[:200]!r}")
        return response

    try:
        for card in cards:
            request = Request("POST", ISSUES, {"card": card, "client_ref": uuid.uuid4().hex})
            response = await send(request, (201, 409))
            if response.status == 409 and response.json().get("code") != "already_issued":
                log.problems.append(f"409 with code {response.json().get('code')}")
            if response.status != 201:
                continue
            issue_id = response.json()["id"]
            log.created[issue_id] = card
            if rng.random() < retry_share:  # the same attempt again: the same issue, 200
                again = await send(request, (200,))
                if again.status == 200 and again.json()["id"] != issue_id:
                    log.problems.append(f"retry of issue {issue_id} answered issue {again.json()['id']}")
            if rng.random() < void_share:
                voided = await send(Request("POST", f"{ISSUES}{issue_id}/void/", {"reason": "pomyłka (bench)"}), (200,))
                if voided.status == 200:
                    log.voided.add(issue_id)
    finally:
        await connection.close()


def race(bench: Bench, *, clients: int, cards: list[str], void_share=0.3, retry_share=0.1) -> Outcome:
    """B2: ``clients`` counters check in the same residents at once; voids and retries mixed in."""
    log = RaceLog(Counter(), [], {}, set(), [])

    async def everyone():
        jobs = (
            _race_client(i, bench, cards, log, void_share=void_share, retry_share=retry_share) for i in range(clients)
        )
        await asyncio.wait_for(asyncio.gather(*jobs), timeout=600)

    asyncio.run(everyone())
    outcome = Outcome(
        f"B2/{clients}", f"Same {len(cards)} residents from {clients} clients, voids and retries mixed in"
    )
    _check_race(bench, cards, log, outcome)
    ms = sorted(seconds * 1000 for seconds in log.latencies)
    outcome.figures.update(
        clients=clients,
        residents=len(cards),
        requests=len(ms),
        statuses={str(status): n for status, n in sorted(log.statuses.items())},
        issues_created=len(log.created),
        issues_voided=len(log.voided),
        p99_ms=round(ms[int(0.99 * (len(ms) - 1))], 1) if ms else None,
    )
    server_errors = sum(n for status, n in log.statuses.items() if status >= 500)
    outcome.target("duplicates", outcome.figures["duplicates"], 0, "")
    outcome.target("5xx", server_errors, 0, "")
    return outcome


def _check_race(bench: Bench, cards: list[str], log: RaceLog, outcome: Outcome):
    rows = bench.sql(
        """
        SELECT i.id, r.card_number, i.date, i.voided_at IS NOT NULL
        FROM meals_mealissue i JOIN beneficiaries_resident r ON r.id = i.resident_id
        WHERE r.card_number = ANY(%s) AND i.date >= %s
        """,
        (cards, bench.today),
    )
    per_day = Counter((card, day) for _id, card, day, voided in rows if not voided)
    duplicates = sum(n - 1 for n in per_day.values() if n > 1)
    outcome.figures["duplicates"] = duplicates
    recorded = {issue_id for issue_id, *_rest in rows}
    voided = {issue_id for issue_id, _card, _day, is_voided in rows if is_voided}
    if recorded != set(log.created):
        outcome.failures.append(
            f"{len(recorded)} issues recorded but {len(log.created)} check-ins answered 201 "
            f"({len(recorded - set(log.created))} unreported, {len(set(log.created) - recorded)} missing)"
        )
    if voided != log.voided:
        outcome.failures.append(f"{len(voided)} issues voided in the database, {len(log.voided)} voids answered 200")
    if not {card for _id, card, _day, _voided in rows} >= set(cards):
        outcome.failures.append("some residents were never served")
    if duplicates:
        outcome.failures.append(f"{duplicates} duplicate meals")
    outcome.failures.extend(log.problems[:10])
