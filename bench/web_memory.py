"""The memory of a production web process serving search pages.

``measure_web_memory`` starts gunicorn with one worker (``bench.production``)
on the benchmark's database and Elasticsearch, and sends it search pages one
after the other: first one whole pass over the query set as warm-up (every
query's rows and cards are then kept, as under steady traffic), then 1,000
more. It reads the worker's resident set size (``VmRSS`` in /proc) after the
warm-up and every 100 requests after it. The targets: at most 150 MB after the
1,000, and no growth after the warm-up (at most 5 MB, for the allocator's own
slack).
"""

from __future__ import annotations

import http.client
from collections import Counter
from collections.abc import Sequence
from itertools import cycle, islice
from pathlib import Path
from urllib.parse import urlsplit

from .environment import BenchmarkError
from .production import PROXY_HEADERS, production_web_server
from .profiling import process_tree

REQUESTS = 1_000
EVERY = 100


def rss_mb(pid: int) -> float:
    """The process's resident set size now, in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) * 1024 / 1_000_000, 1)
    raise BenchmarkError(f"No VmRSS for process {pid}.")


def read_while_serving(
    site_url: str,
    urls: Sequence[str],
    workers: Sequence[int],
    *,
    warm_up: int,
    requests: int = REQUESTS,
    every: int = EVERY,
) -> dict:
    """Send ``warm_up`` then ``requests`` pages (cycling ``urls``) one at a time,
    reading the largest RSS among ``workers`` after the warm-up and every ``every``."""
    address = urlsplit(site_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    statuses: Counter[int] = Counter()
    pages = cycle(urls)

    def serve(count: int) -> None:
        for url in islice(pages, count):
            connection.request("GET", url, headers=PROXY_HEADERS)
            response = connection.getresponse()
            response.read()
            statuses[response.status] += 1

    def reading() -> float:
        return max(rss_mb(pid) for pid in workers)

    try:
        serve(warm_up)
        readings = [[0, reading()]]
        for done in range(every, requests + 1, every):
            serve(every)
            readings.append([done, reading()])
    finally:
        connection.close()
    first, last = readings[0][1], readings[-1][1]
    return {
        "warm_up_requests": warm_up,
        "requests": readings[-1][0],
        "rss_mb": readings,
        "rss_mb_after_warm_up": first,
        "rss_mb_after": last,
        "growth_mb": round(last - first, 1),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "errors": sum(count for status, count in statuses.items() if status != 200),
    }


def measure_web_memory(urls: Sequence[str], elasticsearch_url: str) -> dict:
    """One gunicorn worker's RSS over a warm-up pass of ``urls`` and 1,000 more searches."""
    with production_web_server(elasticsearch_url, workers=1) as (web, _var_dir):
        [worker] = process_tree(web.process.pid)[1:]
        figures = read_while_serving(web.url, urls, [worker], warm_up=len(urls))
        if process_tree(web.process.pid)[1:] != [worker]:
            raise BenchmarkError("The web worker was restarted during the run; see its log.")
    return {"server": {"program": "gunicorn", "workers": 1, "settings": "production"}, **figures}
