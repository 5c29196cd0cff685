"""B4: fifty simultaneous sign-ups for twelve places.

Each round creates a session (capacity 12, tomorrow) through the API, opens fifty connections,
and then sends fifty sign-ups of fifty different residents holding a FEAD referral at the same
moment. The rules must hold: twelve confirmed, thirty-eight on the waiting list at positions
1..38 without gaps or repeats, as the answers say and as the session's list says afterwards.
"""

import asyncio
import datetime
import time
import zoneinfo

from bench.cpu import CpuMeter, CpuShare
from bench.http import Connection, Request, percentile
from bench.outcome import Outcome
from bench.prepare import HOST, Bench

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
CAPACITY = 12
SIGNUPS = 50


def fead_residents(bench: Bench, count: int) -> list[int]:
    from beneficiaries.eligibility import residents_eligible_on
    from beneficiaries.models import Program

    tomorrow = bench.today + datetime.timedelta(days=1)
    eligible = residents_eligible_on(program=Program.FEAD, day=tomorrow).order_by("-id")
    return list(eligible.values_list("id", flat=True)[:count])


def _new_session(bench: Bench, number: int) -> int:
    starts = datetime.datetime.combine(bench.today + datetime.timedelta(days=1), datetime.time(10), WARSAW)
    body = {
        "title": f"Gotowanie z FEAD-em (bench {number})",
        "topic": "cooking",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + datetime.timedelta(hours=3)).isoformat(),
        "capacity": CAPACITY,
        "location": "Kuchnia CPS, ul. Kasprowicza 2",
    }
    response = bench.call("POST", "/api/v1/workshops/sessions/", body, token=bench.token("workshop"))
    if response.status != 201:
        raise RuntimeError(f"session not created: {response.status} {response.body[:300]!r}")
    return response.json()["id"]


async def _fifty_at_once(bench: Bench, session_id: int, residents: list[int]) -> tuple[list, CpuShare, float]:
    """The answers, the CPU spent while the sign-ups ran and how long they took (seconds)."""
    token = bench.token("workshop")
    connections = [Connection(HOST, bench.http_port, token=token) for _ in residents]
    try:
        # Open every connection first (a cheap authenticated GET), then release all sign-ups together.
        await asyncio.gather(
            *(
                c.send(Request("GET", f"/bench/baseline/{resident}/"))
                for c, resident in zip(connections, residents, strict=True)
            )
        )
        path = f"/api/v1/workshops/sessions/{session_id}/signups/"
        meter = CpuMeter(bench.server_pgid, bench.backend_pids)
        meter.start()
        started = time.perf_counter()
        responses = await asyncio.wait_for(
            asyncio.gather(
                *(c.send(Request("POST", path, {"resident": r})) for c, r in zip(connections, residents, strict=True))
            ),
            timeout=120,
        )
        seconds = time.perf_counter() - started
        return responses, meter.stop(seconds), seconds
    finally:
        await asyncio.gather(*(c.close() for c in connections))


def signups(bench: Bench, *, rounds: int) -> Outcome:
    outcome = Outcome("B4", f"{SIGNUPS} simultaneous sign-ups for {CAPACITY} places ({rounds} rounds)")
    pool = fead_residents(bench, SIGNUPS * rounds)
    if len(pool) < SIGNUPS * rounds:
        outcome.failures.append(f"only {len(pool)} residents with a FEAD referral")
        return outcome
    latencies, cpu = [], []
    for number in range(rounds):
        session_id = _new_session(bench, number)
        residents = pool[number * SIGNUPS : (number + 1) * SIGNUPS]
        responses, share, seconds = asyncio.run(_fifty_at_once(bench, session_id, residents))
        latencies += [response.seconds * 1000 for response in responses]
        cpu.append((share, seconds))
        _check_round(bench, session_id, responses, outcome)
    outcome.figures.update(
        rounds=rounds,
        requests=len(latencies),
        p50_ms=round(percentile(latencies, 0.5), 1),
        p99_ms=round(percentile(latencies, 0.99), 1),
        max_ms=round(max(latencies), 1),
        **_cpu_per_signup(cpu),
    )
    outcome.target("p99", outcome.figures["p99_ms"], 200, "ms")
    outcome.target("rounds where a rule broke", outcome.figures.get("broken_rounds", 0), 0, "")
    return outcome


def _cpu_per_signup(rounds: list[tuple[CpuShare, float]]) -> dict:
    """CPU-ms per sign-up of the server and the database, and the other processes' cores, over the rounds.

    On a machine that others keep busy the latencies say little; the CPU a sign-up costs does
    not depend on them: fifty of them cannot end sooner than 50 x (server + database) / cores.
    """
    total = sum(seconds for _share, seconds in rounds)
    server = sum(share.server * seconds for share, seconds in rounds) * 1000 / (SIGNUPS * len(rounds))
    database = sum(share.database * seconds for share, seconds in rounds) * 1000 / (SIGNUPS * len(rounds))
    other = sum(share.other * seconds for share, seconds in rounds) / total
    return {
        "server_cpu_ms_per_signup": round(server, 2),
        "database_cpu_ms_per_signup": round(database, 2),
        "other_cores": round(other, 2),
    }


def _check_round(bench: Bench, session_id: int, responses, outcome: Outcome):
    problems = []
    statuses = sorted(response.status for response in responses)
    if statuses != [201] * SIGNUPS:
        problems.append(f"statuses {statuses}")
    bodies = [response.json() for response in responses if response.status == 201]
    problems += _rule_breaks(bodies, "answers")
    listed = bench.call("GET", f"/api/v1/workshops/sessions/{session_id}/signups/", token=bench.token("workshop"))
    rows = listed.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    problems += _rule_breaks(rows, "list")
    if problems:
        outcome.figures["broken_rounds"] = outcome.figures.get("broken_rounds", 0) + 1
        outcome.failures.append(f"session {session_id}: {problems}")


def _rule_breaks(signups: list[dict], where: str) -> list[str]:
    confirmed = [s for s in signups if s["status"] == "confirmed"]
    positions = sorted(s["waitlist_position"] for s in signups if s["status"] == "waitlisted")
    problems = []
    if len(confirmed) != CAPACITY:
        problems.append(f"{where}: {len(confirmed)} confirmed")
    if positions != list(range(1, SIGNUPS - CAPACITY + 1)):
        problems.append(f"{where}: waiting list positions {positions}")
    return problems
