"""Driving a server with ``wrk``, and the requests it sends.

``run_wrk`` sends a list of requests in turn (``bench/requests.lua``) for a
while at a number of connections and returns req/s, p50/p99 and errors.
``captured_search_requests`` runs search pages in this process and keeps the
requests each sends to Elasticsearch, so the same requests can be sent to
Elasticsearch alone: the ceiling those pages can reach.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .environment import BenchmarkError

LUA_SCRIPT = Path(__file__).resolve().parent / "requests.lua"
RECORD_SEPARATOR = "\x1e"  # stands for a newline inside an NDJSON body


@dataclass(frozen=True)
class WrkRequest:
    method: str
    path: str
    content_type: str = ""
    body: str = ""

    def line(self) -> str:
        return "\t".join(
            [self.method, self.path, self.content_type, self.body.replace("\n", RECORD_SEPARATOR)]
        )


def write_requests(path: Path, requests: Sequence[WrkRequest]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{request.line()}\n" for request in requests))
    return path


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if not found:
        raise BenchmarkError("wrk is needed (Debian: apt-get install wrk).")
    return found


def run_wrk(
    url: str,
    requests_file: Path,
    *,
    connections: int,
    seconds: int,
    threads: int = 2,
    headers: dict[str, str] | None = None,
) -> dict:
    """One wrk run; req/s, latency percentiles in ms and errors (non-2xx/3xx answers too)."""
    args = [
        wrk_binary(),
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={LUA_SCRIPT}",
    ]
    for name, value in (headers or {}).items():
        args += ["--header", f"{name}: {value}"]
    done = subprocess.run(
        [*args, url, "--", str(requests_file)],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK_RESULT ")), None)
    if done.returncode != 0 or line is None:
        raise BenchmarkError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    raw = json.loads(line.removeprefix("WRK_RESULT "))
    seconds_run = raw["duration_us"] / 1e6
    if not raw["requests"]:
        # No answer at all within the run: every connection counts as an error.
        raw["errors"]["no_answer"] = connections
    return {
        "connections": connections,
        "seconds": round(seconds_run, 1),
        "requests": raw["requests"],
        "requests_per_second": round(raw["requests"] / seconds_run, 1) if seconds_run else 0,
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p90_ms": round(raw["p90_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": raw["errors"],
        "error_count": sum(raw["errors"].values()),
    }


@contextmanager
def _recording_transport() -> Iterator[list[WrkRequest]]:
    """Every request the Elasticsearch client sends meanwhile, as wrk would send it."""
    from elastic_transport import Transport

    sent: list[WrkRequest] = []
    original = Transport.perform_request

    def recorded(self, method, target, *, body=None, **options):
        if body is None:
            sent.append(WrkRequest(method, target))
        else:
            # Serialised as the client does (dates, NDJSON for msearch); Elasticsearch
            # reads plain JSON and NDJSON alike.
            content_type = options["headers"]["content-type"]
            text = self.serializers.dumps(body, mimetype=content_type).decode()
            plain = "application/x-ndjson" if "ndjson" in content_type else "application/json"
            sent.append(WrkRequest(method, target, plain, text))
        return original(self, method, target, body=body, **options)

    Transport.perform_request = recorded
    try:
        yield sent
    finally:
        Transport.perform_request = original


def captured_search_requests(urls: Sequence[str]) -> tuple[list[WrkRequest], float]:
    """The Elasticsearch requests the search pages at ``urls`` send, in order,
    and how many each page sends on average."""
    from django.test import Client

    client = Client()
    with _recording_transport() as sent:
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                raise BenchmarkError(f"{url} answered {response.status_code}")
    searches = [request for request in sent if "_search" in request.path]
    if not searches:
        raise BenchmarkError("The search pages sent no search to Elasticsearch.")
    return searches, round(len(searches) / len(urls), 2)
