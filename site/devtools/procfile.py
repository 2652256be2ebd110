"""Run the site's processes exactly as the Procfile at the top of the repository says.

The tests (and anyone trying production settings on one machine) start the
`web`, `worker` and `release` entries from here, so the Procfile is what is
tested. `python` and `gunicorn` are taken from the running virtualenv.

Standard library only, like the rest of devtools.
"""

from __future__ import annotations

import http.client
import os
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from fairsite.devtools.paths import BASE_DIR, free_port

PROCFILE = BASE_DIR / "Procfile"


class ProcessFailed(RuntimeError):
    """A Procfile process exited or did not become ready; the message has its output."""


def procfile_entries(procfile: Path = PROCFILE) -> dict[str, str]:
    """Process type -> its command line."""
    entries = {}
    for line in procfile.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, command = line.partition(":")
        entries[name.strip()] = command.strip()
    return entries


def commands(name: str) -> list[list[str]]:
    """The argument lists of one Procfile entry (steps joined by `&&` run in turn)."""
    bin_dir = Path(sys.executable).parent
    steps = []
    for step in procfile_entries()[name].split("&&"):
        args = shlex.split(step)
        if args[0] == "python":
            args[0] = sys.executable
        elif (bin_dir / args[0]).exists():
            args[0] = str(bin_dir / args[0])
        steps.append(args)
    return steps


def run_steps(name: str, env: dict[str, str], *, timeout: int = 600) -> None:
    """Run a one-off entry (`release`) to the end; raise ProcessFailed if a step fails."""
    for args in commands(name):
        done = subprocess.run(  # noqa: S603
            args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise ProcessFailed(
                f"{shlex.join(args[1:])} exited {done.returncode}: "
                f"{(done.stderr or done.stdout).strip()[-3000:]}"
            )


@dataclass(kw_only=True)
class ProcfileProcess:
    """One long-running Procfile process (`web` or `worker`), stopped by its own pid."""

    name: str
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = None

    def start(self) -> ProcfileProcess:
        (args,) = commands(self.name)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            # Its own session, so stopping it also stops the workers it forked.
            self.process = subprocess.Popen(  # noqa: S603
                args,
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, *, timeout: int = 40) -> None:
        """TERM (gunicorn then finishes running requests), KILL if it does not stop."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass(kw_only=True)
class WebServer(ProcfileProcess):
    """The Procfile's `web` process (gunicorn) on a free loopback port."""

    name: str = "web"
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: int = 90) -> WebServer:
        self.env = {**self.env, "WEB_BIND": f"127.0.0.1:{self.port}"}
        super().start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ProcessFailed(f"gunicorn exited {self.process.returncode}: {self.log()}")
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                # Any answer at all (a redirect, a 400 for an unknown host) means it serves.
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                return self
            except (OSError, http.client.HTTPException):
                time.sleep(0.3)
            finally:
                connection.close()
        self.stop()
        raise ProcessFailed(f"gunicorn did not answer on {self.url} in {timeout} s: {self.log()}")
