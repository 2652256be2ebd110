"""Several "machines" of the site on this one: production web servers (gunicorn)
and workers (`manage.py worker`) as separate processes on production settings,
all sharing one database, Elasticsearch, S3-compatible store and mail server,
as they would behind a load balancer.

Each process is its own process group, stopped by its pid (SIGTERM first: a
graceful stop, which is what a deploy or a scaled-down machine does).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from fairsite.devtools.paths import BASE_DIR, free_port

# The address visitors use; the load balancer in front sends it on to each server.
HOST = "jobs.example.test"
SITE_URL = f"https://{HOST}"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def database_url(settings_dict: dict) -> str:
    """The URL of the database the test runs on, for processes of its own."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user, password = settings_dict.get("USER") or "", settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def production_environment(**variables: str) -> dict[str, str]:
    """This process's environment, on production settings, plus ``variables``."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "S3_", "DATABASE_URL", "ELASTICSEARCH_"))
    }
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "fairsite.settings.production",
        "PYTHONUNBUFFERED": "1",
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": SITE_URL,
        **variables,
    }


@dataclass
class Machine:
    """One process: a web server (with its port) or a worker."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Machine:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.command,
                cwd=BASE_DIR,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def stop(self, *, timeout: float = 30) -> int | None:
        """SIGTERM, wait for the process to finish what it is doing; SIGKILL only if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait(timeout=10)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class Machines:
    """Starts web servers and workers on one environment; stops them all on exit."""

    env: dict[str, str]
    log_dir: Path
    started: list[Machine] = field(default_factory=list)

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def web(self, name: str) -> Machine:
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "fairsite.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--graceful-timeout",
            "20",
        ]
        machine = Machine(name, command, self.env, self.log_dir / f"{name}.log", port=port)
        self.started.append(machine.start())
        return machine

    def worker(self, name: str) -> Machine:
        command = [sys.executable, "manage.py", "worker", "--interval", "0.2", "--worker-id", name]
        machine = Machine(name, command, self.env, self.log_dir / f"{name}.log")
        self.started.append(machine.start())
        return machine

    def wait_until_serving(self, machine: Machine, *, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not machine.alive():
                raise AssertionError(f"{machine.name} exited:\n{machine.output()[-3000:]}")
            try:
                Visitor().get(machine, "/healthz")
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        raise AssertionError(f"{machine.name} did not answer in time:\n{machine.output()[-3000:]}")

    def __enter__(self) -> Machines:
        return self

    def __exit__(self, *exc) -> None:
        for machine in reversed(self.started):
            machine.stop()


@dataclass
class Visitor:
    """One browser: its cookies, sent to whichever server the balancer picks.

    Requests arrive as the proxy in front passes them on: for the public host,
    over HTTPS (X-Forwarded-Proto), so the site's Secure cookies and CSRF
    origin checks are the production ones.
    """

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, machine: Machine, path: str, **kwargs) -> requests.Response:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Origin": SITE_URL,
            "Referer": f"{SITE_URL}{path}",
            **kwargs.pop("headers", {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            f"{machine.url}{path}",
            headers=headers,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        for cookie in response.cookies:
            if cookie.value:
                self.cookies[cookie.name] = cookie.value
            else:
                self.cookies.pop(cookie.name, None)
        return response

    def get(self, machine: Machine, path: str, **kwargs) -> requests.Response:
        return self.request("GET", machine, path, **kwargs)

    def post_form(
        self, machine: Machine, path: str, data: dict, *, files=None
    ) -> requests.Response:
        """GET the form's page for its CSRF token, then POST ``data`` to it."""
        page = self.get(machine, path)
        token = CSRF_FIELD.search(page.text)
        assert token, f"no CSRF token on {path} ({page.status_code})"
        return self.request(
            "POST",
            machine,
            path,
            data={"csrfmiddlewaretoken": token.group(1), **data},
            files=files,
        )

    def sign_in(self, machine: Machine, email: str, password: str) -> requests.Response:
        return self.post_form(machine, "/accounts/login/", {"login": email, "password": password})
