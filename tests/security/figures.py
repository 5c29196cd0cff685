"""Figures the security tests report at the end of a run (the "Done when" of issue 8)."""

from collections import Counter

counts: Counter = Counter()
notes: list[str] = []

LABELS = {
    "api_checks": "API permission checks (operation x principal)",
    "api_operations": "API operations in the matrix",
    "page_checks": "staff page permission checks (page x principal)",
    "pages": "staff pages in the matrix",
    "principals": "principals (anonymous, no role, 3 roles)",
    "fuzz_examples": "schemathesis examples run",
    "fuzz_operations": "operations fuzzed",
    "fuzz_5xx": "5xx answers found by the fuzzer",
    "fuzz_bad_shape": "4xx answers not in the API's shape",
    "faults_injected": "faults injected",
    "faults_lost": "requests or documents lost to a fault",
}


def add(name: str, amount: int = 1) -> None:
    counts[name] += amount


def note(text: str) -> None:
    notes.append(text)


def summary() -> list[str]:
    lines = [f"{LABELS.get(name, name)}: {value}" for name, value in sorted(counts.items())]
    return lines + notes
