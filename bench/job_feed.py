"""The job feed for aggregators: a build's cost per posting, and serving it.

    python -m bench.job_feed                    # 3,000 postings, best of 3 builds
    python -m bench.job_feed --postings 100000  # about a minute to load, ~25 s a build

On its own SQLite database and media folder in a temporary directory (never
the dev database or the other benchmarks'), with the search benchmark's
generated postings (``bench.loading``). No Elasticsearch: the feed reads the
database only. Prints the build's time per posting (the best of ``--runs``),
its queries and size, then the time the view takes to its first byte and to
the last, from the stored document. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fairchance-feed-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ["VAR_DIR"] = str(folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fairsite.settings.dev"
    try:
        measure(args.postings, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(postings: int, runs: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from bench.loading import load_dataset
    from jobs.aggregator_feed_builds import job_feed_build
    from jobs.models import JobPosting

    call_command("migrate", interactive=False, verbosity=0)
    print(load_dataset(postings), flush=True)
    visible = JobPosting.objects.visible().count()
    with CaptureQueriesContext(connection) as queries:
        build = job_feed_build()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        build = job_feed_build()
        seconds.append(time.perf_counter() - started)
    best = min(seconds)
    print(
        f"build: {visible:,} postings, {build.size:,} bytes, {len(queries)} queries, "
        f"best of {runs}: {best:.2f} s = {best / visible * 1000:.3f} ms a posting"
    )
    client = Client()
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        for _ in range(3):
            started = time.perf_counter()
            response = client.get("/feeds/jobs.xml")
            first = time.perf_counter() - started
            size = sum(len(block) for block in response.streaming_content)
            whole = time.perf_counter() - started
            print(
                f"view: {response.status_code}, first byte {first * 1000:.1f} ms, "
                f"{size:,} bytes in {whole:.2f} s"
            )


if __name__ == "__main__":
    main()
