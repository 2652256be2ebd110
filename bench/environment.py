"""What every benchmark script needs before it measures anything.

    with benchmark_environment() as env:      # its own Elasticsearch, Django, an empty database
        load_dataset(100_000)
        with running_worker():                 # a real `manage.py worker` on that database
            ...

The Elasticsearch server is started here, on free ports with its own data
folder, and stopped by its pid at the end; it is never the dev server or the
test session's. Nothing in this module imports models at import time: Django
is configured (``bench.settings``) only once the server's address is known.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fairsite.devtools import elasticsearch
from fairsite.devtools.paths import BASE_DIR

SETTINGS = "bench.settings"
HEAP = "1g"  # 100k-document benchmarks need 1 GB of heap or more
RESULTS_DIR = Path(__file__).resolve().parent / "results"
WORKER_INTERVAL = "0.5"  # as `make run` starts it
WORKER_LOG = BASE_DIR / ".cache" / "bench" / "worker.log"


def database_label(url: str | None = None) -> str:
    """The benchmark database's kind, as results files are named: "sqlite" (the
    default file) or "postgresql" (``BENCH_DATABASE_URL``: postgres://...)."""
    url = os.environ.get("BENCH_DATABASE_URL", "") if url is None else url
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    return "postgresql" if scheme.startswith(("postgres", "pgsql")) else "sqlite"


def results_file(name: str, database: str | None = None) -> Path:
    """Where a benchmark writes ``name`` ("search-100k"): ``name.json`` on SQLite,
    ``name-postgresql.json`` on PostgreSQL, so a run on one never replaces the other's."""
    database = database or database_label()
    return RESULTS_DIR / (f"{name}.json" if database == "sqlite" else f"{name}-{database}.json")


class BenchmarkError(RuntimeError):
    """The benchmark could not measure what it set out to; the message says why."""


@dataclass(frozen=True)
class Environment:
    elasticsearch_url: str
    heap: str
    elasticsearch_pid: int | None = None


@contextmanager
def benchmark_environment(*, heap: str = HEAP) -> Iterator[Environment]:
    """Start Elasticsearch, configure Django on it, and give it an empty, migrated database."""
    data_root = Path(tempfile.mkdtemp(prefix="fairchance-es-bench-"))
    server = elasticsearch.ElasticsearchServer(
        data_root=data_root, heap=heap, name="fairchance-bench"
    )
    try:
        print(f"Starting Elasticsearch ({heap} heap)...", flush=True)
        server.start()
        os.environ["ELASTICSEARCH_URL"] = server.url
        os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
        import django

        django.setup()
        fresh_database()
        # As the site's web and worker processes do once started (fairsite.heap).
        from fairsite.heap import freeze_start_up_objects

        freeze_start_up_objects()
        yield Environment(elasticsearch_url=server.url, heap=heap, elasticsearch_pid=server.pid())
    finally:
        server.stop()
        shutil.rmtree(data_root, ignore_errors=True)


def fresh_database() -> None:
    """Empty the benchmark database and migrate it, so every run starts alike."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.close()
        path = Path(connection.settings_dict["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        raise BenchmarkError(
            f"The benchmarks run on SQLite or PostgreSQL, not {connection.vendor}."
        )
    print("Migrating the benchmark database...", flush=True)
    call_command("migrate", interactive=False, verbosity=0)


@contextmanager
def running_worker(*, ready_within: float = 60) -> Iterator[subprocess.Popen]:
    """A real ``manage.py worker`` on the benchmark database, stopped by its pid afterwards."""
    from fairsite.devtools.run import stop
    from fairsite.scheduler.models import ScheduledJob

    log = WORKER_LOG.open("w")
    # Its own process group, so stopping it by its pid also stops anything it started.
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", WORKER_INTERVAL],
        cwd=BASE_DIR,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # Ready once its scheduler has run the outbox drain for the first time.
        deadline = time.monotonic() + ready_within
        while not ScheduledJob.objects.filter(
            name="outbox.drain", last_run_at__isnull=False
        ).exists():
            if process.poll() is not None:
                raise BenchmarkError(
                    f"The worker stopped at start-up (exit {process.returncode}); see {WORKER_LOG}"
                )
            if time.monotonic() > deadline:
                raise BenchmarkError(f"The worker was not ready within {ready_within} s.")
            time.sleep(0.2)
        yield process
    finally:
        stop(process)
        log.close()


def machine() -> dict:
    """What the figures were measured on."""
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kb = int(line.split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": _os_name(),
        "system": platform.platform(),
    }


def _os_name() -> str:
    release = Path("/etc/os-release")
    if release.exists():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    return platform.system()


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


@contextmanager
def sampled_load(*, every: float = 10) -> Iterator[dict]:
    """The one-minute load average sampled through a run; the dict is filled in at the end.

    A benchmark on a shared machine is only as good as what else was running:
    a figure next to a load of 8 on 2 cores means something else than next to 0.5.
    """
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while True:
            samples.append(os.getloadavg()[0])
            if stop.wait(every):
                return

    sampler = threading.Thread(target=sample, name="load-sampler", daemon=True)
    summary: dict = {}
    sampler.start()
    try:
        yield summary
    finally:
        stop.set()
        sampler.join()
        summary.update(
            every_seconds=every,
            samples=len(samples),
            one_minute_min=round(min(samples), 2),
            one_minute_mean=round(sum(samples) / len(samples), 2),
            one_minute_max=round(max(samples), 2),
        )


def git_commit() -> dict:
    """The commit measured, and whether the working tree had changes on top of it."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=BASE_DIR, capture_output=True, text=True, check=False
        ).stdout.strip()

    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}


def versions() -> dict:
    import django
    import elasticsearch as client
    import wagtail

    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "elasticsearch_server": elasticsearch.VERSION,
        "elasticsearch_client": client.__versionstr__,
    }


def run_and_report(
    measure: Callable[[], dict], print_report: Callable[[dict], None], output: Path
) -> int:
    """A benchmark script's ending: run it, print its report and where the results are.

    Returns the exit status: 1, with the reason on stderr, when it could not measure.
    """
    started = time.monotonic()
    try:
        results = measure()
    except (BenchmarkError, elasticsearch.ElasticsearchUnavailable) as error:
        print(f"The benchmark failed: {error}", file=sys.stderr)
        return 1
    print_report(results)
    print(f"\nResults: {output} ({time.monotonic() - started:.0f} s in all)")
    return 0


def index_layout(*indices) -> dict:
    """Each index's primary shards and replicas as built (``primary_shards`` chooses by size)."""
    from fairsite.search.client import get_client

    layout = {}
    for index in indices:
        found = get_client().indices.get_settings(index=index.alias)
        (concrete,) = found.values()
        settings = concrete["settings"]["index"]
        layout[index.name] = {
            "shards": int(settings["number_of_shards"]),
            "replicas": int(settings["number_of_replicas"]),
        }
    return layout
