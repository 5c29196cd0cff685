"""``--profile``: sample the gunicorn workers with py-spy during B1 and summarise where their CPU goes.

py-spy is not a dependency of the service: ``.venv/bin/pip install py-spy`` to use this. The
raw samples (collapsed stacks, the input of flame graph tools) are kept next to the summary.
"""

import shutil
import signal
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def binary() -> str | None:
    local = ROOT / ".venv" / "bin" / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


class Recorder:
    """py-spy record --subprocesses on the gunicorn master, idle time excluded."""

    def __init__(self, pid: int, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        # --gil: only threads holding the GIL, i.e. Python's own CPU time, not the waits for PostgreSQL.
        argv = [binary(), "record", "--pid", str(pid), "--subprocesses", "--gil", "--format", "raw", "--rate", "50"]
        argv += ["--output", str(out), "--nonblocking"]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        return summarise(self.out) if self.out.exists() else "(no samples)"


def summarise(collapsed: Path, top: int = 25) -> str:
    """Where the workers spent their time: inclusive share per function under the WSGI handler
    (each counted once per stack, the common request plumbing left out), and self time per library."""
    inclusive: Counter = Counter()
    own: Counter = Counter()
    total = 0
    for line in collapsed.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        frames = [_short(frame) for frame in stack.split(";") if not frame.startswith("process ")]
        total += int(count)
        own[_library(frames[-1]) if frames else "?"] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    if not total:
        return "(no samples)"
    plumbing = {frame for frame, count in inclusive.items() if count > 0.6 * total}
    lines = [f"{total} samples. Inclusive share (request plumbing above 60 % left out):"]
    lines += [f"{count / total:6.1%}  {frame}" for frame, count in inclusive.most_common() if frame not in plumbing][
        :top
    ]
    lines.append("Self time by library:")
    lines += [f"{count / total:6.1%}  {library}" for library, count in own.most_common(12)]
    return "\n".join(lines)


def _library(frame: str) -> str:
    """'execute (psycopg/cursor.py)' -> 'psycopg'; project code by app."""
    where = frame.rpartition(" (")[2].rstrip(")")
    parts = where.split("/")
    if parts[0] in ("django", "rest_framework") and len(parts) > 2:
        return "/".join(parts[:3])
    return parts[0]


def _short(frame: str) -> str:
    """'get_response (django/core/handlers/base.py:136)' without the site-packages prefix or line."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", f"{ROOT}/"):
        if marker in where:
            where = where.split(marker, 1)[1]
    return f"{name} ({where})"
