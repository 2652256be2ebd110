"""`make run`: Elasticsearch, the database with demo content, the site and its worker.

Everything started here is stopped on Ctrl-C (by the pids it started, never by
process name). Set ELASTICSEARCH_URL to use a server you run yourself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from fairsite.devtools import elasticsearch
from fairsite.devtools.paths import BASE_DIR, VAR_DIR
from fairsite.devtools.prepare import prepare
from fairsite.places.build import PlacesBuildFailed

HOST = "127.0.0.1"
PORT = int(os.environ.get("PORT", "8000"))
DEMO_PASSWORD = "fairchance-demo"  # noqa: S105 (printed for the local demo; not a secret)


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def spawn(*args: str, env: dict) -> subprocess.Popen:
    # Each child leads its own process group, so stopping it also stops the
    # processes it starts (the autoreloader's child, for one).
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


class Stop(Exception):
    """Ctrl-C, a closed terminal or a plain `kill <pid>`: shut everything down."""


def _raise_stop(signum, frame):
    raise Stop


def main() -> int:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_stop)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "fairsite.settings.dev", "PYTHONUNBUFFERED": "1"}
    server = None
    children: list[subprocess.Popen] = []
    try:
        prepare("run")
        if not env.get("ELASTICSEARCH_URL"):
            server = elasticsearch.ElasticsearchServer(data_root=VAR_DIR / "elasticsearch")
            server.stop()  # one left running by an earlier `make run` that was killed
            print("Starting Elasticsearch...", flush=True)
            server.start()
            env["ELASTICSEARCH_URL"] = server.url
        manage("migrate", "--no-input", "-v", "0", env=env)
        manage("load_demo", env=env)
        # Every index built afresh from the database, so search matches the demo.
        manage("search_index", "--rebuild", env=env)
        children.append(spawn("runserver", f"{HOST}:{PORT}", env=env))
        # The task queue and the scheduled jobs (the search outbox drain first).
        # Half-second polling keeps "published" to "searchable" under 2 s.
        children.append(spawn("worker", "--interval", "0.5", env=env))
        site = f"http://{HOST}:{PORT}"
        print(
            f"\n  Site:           {site}/\n"
            f"  Wagtail admin:  {site}/admin/\n"
            f"  Health:         {site}/healthz\n"
            f"  Elasticsearch:  {env['ELASTICSEARCH_URL']}\n"
            f"\n  Demo logins (password for all: {DEMO_PASSWORD}):\n"
            f"    editor@example.com    editor, Wagtail admin\n"
            f"    seeker@example.com    job seeker\n"
            f"    employer@example.com  employer\n"
            f"    caseworker@example.com  case worker at Lanternway Reentry Network\n"
            f"\n  Emails are printed here. Press Ctrl-C to stop everything.\n",
            flush=True,
        )
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        print("A process stopped; shutting down.", file=sys.stderr)
        return 1
    except Stop:
        print("\nStopping...", flush=True)
        return 0
    except (
        subprocess.CalledProcessError,
        elasticsearch.ElasticsearchUnavailable,
        PlacesBuildFailed,
    ) as error:
        print(f"make run failed: {error}", file=sys.stderr)
        return 1
    finally:
        for child in children:
            stop(child)
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
