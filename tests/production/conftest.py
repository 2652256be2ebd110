"""The real production server: the Procfile's release steps, then its `web` (gunicorn)
and `worker` processes, under the production settings with DEBUG off.

Started once per test session on a free loopback port, on its own SQLite
database and static files in a temporary folder, the session's Elasticsearch
(with its own index prefix) and the demo content; stopped by pid at the end.
The server believes it sits behind one proxy that terminates TLS, as the README
says production does: tests play that proxy by sending X-Forwarded-Proto and
X-Forwarded-For themselves.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import urllib3

from bench.production import HOST
from bench.production import production_environment as bench_environment
from fairsite.devtools.paths import BASE_DIR
from fairsite.devtools.procfile import ProcessFailed, ProcfileProcess, WebServer, run_steps

SITE_URL = f"https://{HOST}"
API_ANONYMOUS_LIMIT = 5


@dataclass
class ProductionSite:
    web: WebServer
    worker: ProcfileProcess
    env: dict[str, str]
    http: urllib3.PoolManager

    def get(
        self,
        path: str,
        *,
        https: bool = True,
        headers: dict[str, str] | None = None,
        method: str = "GET",
        body: bytes | None = None,
        preload_content: bool = True,
    ) -> urllib3.BaseHTTPResponse:
        """One request as the proxy would pass it on: the site's host name, and
        X-Forwarded-Proto: https unless ``https`` is False. Redirects are not followed."""
        sent = {"Host": HOST, **({"X-Forwarded-Proto": "https"} if https else {})}
        return self.http.request(
            method,
            f"{self.web.url}{path}",
            headers={**sent, **(headers or {})},
            body=body,
            redirect=False,
            retries=False,
            timeout=30,
            preload_content=preload_content,
        )

    def access_log(self) -> str:
        return self.web.log()

    def access_entry(self, matches) -> dict:
        """The last access-log entry ``matches`` accepts, waiting for the worker to write it
        (it logs a request just after sending the answer)."""
        deadline = time.monotonic() + 10
        while True:
            lines = self.access_log().splitlines()
            entries = [json.loads(line) for line in lines if line.startswith("{")]
            found = [entry for entry in entries if matches(entry)]
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"no such access-log entry in: {self.access_log()}")
            time.sleep(0.1)


def production_environment(var_dir: Path, elasticsearch_url: str) -> dict[str, str]:
    """The documented production variables (README: Running in production), as the
    benchmarks set them, on a database and index prefix of the session's own."""
    env = bench_environment(
        var_dir,
        f"sqlite:///{var_dir / 'db.sqlite3'}",
        elasticsearch_url,
        # Two workers are plenty for the tests on a shared machine.
        workers=2,
    )
    env.pop("LOG_LEVEL")  # gunicorn's own default: the tests read its log
    return {
        **env,
        "ELASTICSEARCH_INDEX_PREFIX": f"test-prod-{uuid.uuid4().hex[:10]}",
        "API_ANONYMOUS_REQUESTS_PER_MINUTE": str(API_ANONYMOUS_LIMIT),
        "PYTHONUNBUFFERED": "1",
    }


def wait_for(condition, *, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("gave up waiting")


def listed_posting_paths(site: ProductionSite, query: str) -> list[str]:
    """The posting pages a search lists, once the worker has indexed some (it
    indexes the demo postings after start-up, so the first tests may wait)."""
    paths: list[str] = []

    def listed() -> bool:
        page = site.get(f"/jobs/?q={query}").data.decode()
        paths[:] = re.findall(r'href="(/jobs/\d+/[\w-]+/)"', page)
        return bool(paths)

    wait_for(listed, seconds=60)
    return paths


@pytest.fixture(scope="session")
def production_site(elasticsearch_server):
    var_dir = Path(tempfile.mkdtemp(prefix="fairchance-production-"))
    env = production_environment(var_dir, elasticsearch_server)
    web = WebServer(env=env, log_path=var_dir / "web.log")
    worker = ProcfileProcess(name="worker", env=env, log_path=var_dir / "worker.log")
    try:
        run_steps("release", env)
        subprocess.run(
            [sys.executable, "manage.py", "load_demo"],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
        worker.start()
        web.start()
    except (ProcessFailed, subprocess.CalledProcessError) as error:
        web.stop()
        worker.stop()
        output = getattr(error, "stderr", b"") or b""
        pytest.fail(
            f"The production server did not start: {error} {output.decode()[-2000:]}",
            pytrace=False,
        )
    try:
        yield ProductionSite(web=web, worker=worker, env=env, http=urllib3.PoolManager())
    finally:
        web.stop()
        worker.stop()
        _delete_indices(elasticsearch_server, env["ELASTICSEARCH_INDEX_PREFIX"])
        shutil.rmtree(var_dir, ignore_errors=True)


def _delete_indices(url: str, prefix: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url)
    client.indices.delete(index=f"{prefix}-*", expand_wildcards="all", ignore_unavailable=True)
    client.close()
