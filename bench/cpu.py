"""Where the machine's CPU went during a run: the server, PostgreSQL's backends, the load
generator, and everything else (other people's work on a shared machine shows up there)."""

import os
from dataclasses import dataclass

TICKS = os.sysconf("SC_CLK_TCK")


def _process_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[2]) == pgid:
                    pids.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return pids


def _machine_ticks() -> tuple[int, int, int, int]:
    """(busy, total, iowait, steal) ticks of all CPUs since boot."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = values
    return user + nice + system + irq + softirq + steal, sum(values), iowait, steal


@dataclass
class CpuShare:
    """CPU-seconds per wall second (2.0 = both cores of a 2-core machine) in each part."""

    server: float
    database: float
    client: float
    other: float
    idle: float  # iowait included
    iowait: float  # waiting for the disk (commits' WAL flushes, a neighbour's I/O)
    steal: float  # taken by the hypervisor for other virtual machines

    def as_dict(self) -> dict:
        return {name: round(value, 2) for name, value in vars(self).items()}


class CpuMeter:
    """Snapshot before and after a run; pids of the server group and the database backends."""

    def __init__(self, server_pgid: int, database_pids):
        self.server_pgid = server_pgid
        self.database_pids = database_pids  # callable: current backend pids of the bench database

    def _snapshot(self):
        server = sum(_process_ticks(pid) for pid in _group_pids(self.server_pgid))
        database = {pid: _process_ticks(pid) for pid in self.database_pids()}
        return server, database, _process_ticks(os.getpid()), _machine_ticks()

    def start(self):
        self._before = self._snapshot()

    def stop(self, wall_seconds: float) -> CpuShare:
        server0, db0, client0, (busy0, total0, iowait0, steal0) = self._before
        server1, db1, client1, (busy1, total1, iowait1, steal1) = self._snapshot()
        database = sum(ticks - db0.get(pid, 0) for pid, ticks in db1.items())
        cores = os.cpu_count() or 1
        per_second = TICKS * wall_seconds
        parts = [(server1 - server0) / per_second, database / per_second, (client1 - client0) / per_second]
        busy = (busy1 - busy0) / per_second
        share = cores / max(1, total1 - total0)  # machine ticks -> cores
        return CpuShare(
            *parts,
            other=max(0.0, busy - sum(parts)),
            idle=((total1 - total0) - (busy1 - busy0)) * share,
            iowait=(iowait1 - iowait0) * share,
            steal=(steal1 - steal0) * share,
        )
