"""Where the web workers' CPU goes while wrk drives them (py-spy), and what each
page costs in CPU time in this process, with and without its cached fragments.

``sampled_stacks`` runs ``py-spy record`` on gunicorn and all its workers for a
while and sums the samples: by the package the running code belongs to (its
own time) and by the site's own functions (their time with what they call).
py-spy only counts threads that are running, so the shares are of CPU time,
not of time spent waiting for Elasticsearch or the database.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from fairsite.devtools.paths import BASE_DIR

from .environment import BenchmarkError

PY_SPY = Path(sys.executable).parent / "py-spy"
_FRAME = re.compile(r"^(?P<function>.+) \((?P<file>[^:()]+)(?::\d+)?\)$")
TOP = 15


def start_sampling(pid: int, output: Path, *, seconds: int, rate: int = 100) -> subprocess.Popen:
    """py-spy on the process ``pid`` and its children for ``seconds``, in the background."""
    if not PY_SPY.exists():
        raise BenchmarkError(f"py-spy is needed ({PY_SPY}): pip install from requirements.lock")
    return subprocess.Popen(
        [
            str(PY_SPY),
            "record",
            "--pid",
            str(pid),
            "--subprocesses",
            "--nonblocking",
            f"--rate={rate}",
            f"--duration={seconds}",
            "--format=raw",
            "--full-filenames",
            f"--output={output}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def summarise_stacks(collapsed: str) -> dict:
    """Sums of py-spy's collapsed stacks ("frame;frame;... count" a line)."""
    by_package: Counter = Counter()
    own_inclusive: Counter = Counter()
    leaves: Counter = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = [_frame(frame) for frame in stack.split(";")]
        frames = [frame for frame in frames if frame is not None]
        if not frames:
            continue
        function, file = frames[-1]
        by_package[_package(file)] += samples
        leaves[f"{function} ({_short(file)})"] += samples
        for function, file in dict.fromkeys(
            (f, p) for f, p in frames if _package(p) == "site code"
        ):
            own_inclusive[f"{function} ({_short(file)})"] += samples

    def shares(counter: Counter) -> list[list]:
        return [
            [name, round(100 * samples / total, 1)] for name, samples in counter.most_common(TOP)
        ]

    return {
        "samples": total,
        "own_time_by_package_percent": shares(by_package),
        "own_time_by_function_percent": shares(leaves),
        "site_functions_with_callees_percent": shares(own_inclusive),
    }


def _frame(text: str) -> tuple[str, str] | None:
    found = _FRAME.match(text.strip())
    return (found["function"], found["file"]) if found else None


def _short(file: str) -> str:
    return file.split("site-packages/")[-1].removeprefix(f"{BASE_DIR}/")


def _package(file: str) -> str:
    if "site-packages/" in file:
        parts = file.split("site-packages/")[-1].split("/")
        if parts[0] == "django" and len(parts) > 1:
            return f"django.{parts[1]}"
        return parts[0].removesuffix(".py")
    if file.startswith(str(BASE_DIR)) or not file.startswith("/"):
        return "site code"
    return "python standard library" if "/lib/python" in file else file


def finish_sampling(process: subprocess.Popen, output: Path) -> dict:
    _out, error = process.communicate(timeout=120)
    if not output.exists():
        raise BenchmarkError(f"py-spy wrote no profile: {error.strip()[-500:]}")
    return summarise_stacks(output.read_text())


def cpu_ms_per_request(urls: Sequence[str], *, requests: int, fresh: bool) -> float:
    """The CPU time this process spends on one page, in ms, over ``requests`` requests
    (Django's test client, signed out). With ``fresh`` the fragment cache and the
    kept rows (fairsite.process_memory) are emptied before each request, as if
    nothing were kept: what each request costs right after a change."""
    from django.core.cache import caches
    from django.test import Client

    from fairsite.process_memory import forget_everything

    client = Client()
    for url in urls[: min(len(urls), requests)]:
        client.get(url)  # templates and connections warm
    started = time.process_time()
    for number in range(requests):
        if fresh:
            caches["fragments"].clear()
            forget_everything()
        response = client.get(urls[number % len(urls)])
        if response.status_code != 200:
            raise BenchmarkError(f"{urls[number % len(urls)]} answered {response.status_code}")
    return round((time.process_time() - started) / requests * 1000, 2)


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (a web server's workers), from /proc."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found += process_tree(int(child))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far (gone ones count 0)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")
