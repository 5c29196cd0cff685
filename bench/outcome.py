"""What a scenario reports: its measurements, its targets and whether they were met."""

from dataclasses import dataclass, field

from bench.http import RunResult, percentile


@dataclass
class Target:
    """One target of the issue: ``measured`` compared with ``limit`` (``at_most`` or at least)."""

    name: str
    measured: float
    limit: float
    unit: str
    at_most: bool = True

    @property
    def met(self) -> bool:
        return self.measured <= self.limit if self.at_most else self.measured >= self.limit

    @property
    def margin(self) -> str:
        """How far from the limit, as a share of it (negative: missed)."""
        if not self.limit:
            return ""
        share = (self.limit - self.measured) / self.limit if self.at_most else (self.measured - self.limit) / self.limit
        return f"{share:+.0%}"

    def as_dict(self) -> dict:
        return {**vars(self), "met": self.met, "margin": self.margin}


@dataclass
class Outcome:
    key: str  # "B1", "B3@100000", ...
    title: str
    targets: list[Target] = field(default_factory=list)
    figures: dict = field(default_factory=dict)  # everything measured, for the JSON
    failures: list[str] = field(default_factory=list)  # functional breakage: duplicates, 5xx, wrong counts
    ratio: float | None = None  # throughput / the baseline's

    def target(self, *args, **kwargs) -> Target:
        target = Target(*args, **kwargs)
        self.targets.append(target)
        return target

    @property
    def met(self) -> bool:
        return all(target.met for target in self.targets)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "ratio_vs_baseline": None if self.ratio is None else round(self.ratio, 3),
            "targets": [target.as_dict() for target in self.targets],
            "met": self.met,
            "failures": self.failures,
            "figures": self.figures,
        }


def latency_figures(run: RunResult) -> dict:
    ms = [seconds * 1000 for seconds in run.latencies]
    return {
        "requests": run.count,
        "seconds": round(run.seconds, 2),
        "throughput_per_s": round(run.throughput, 1),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1) if ms else None,
        "statuses": {str(status): n for status, n in sorted(run.statuses.items())},
        "client_errors": dict(run.errors),
        "load_generator_cpu": round(run.client_cpu_seconds / run.wall_seconds, 2) if run.wall_seconds else None,
    }


def p(run: RunResult, fraction: float) -> float:
    return percentile([seconds * 1000 for seconds in run.latencies], fraction)
