"""Several "machines" of the site on this one: the Procfile's `web` (gunicorn) and
`worker` processes, started as many times as a test asks, on production
settings, all sharing one database, Elasticsearch, S3-compatible store and mail
server, as they would behind a load balancer.

Each process is its own process group, stopped by its pid (SIGTERM first: a
graceful stop, which is what a deploy or a scaled-down machine does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import requests

from fairsite.devtools.procfile import ProcfileProcess, WebServer, run_steps
from tests.production.conftest import HOST, SITE_URL

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def database_url(settings_dict: dict) -> str:
    """The URL of the database the test runs on, for processes of its own."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user, password = settings_dict.get("USER") or "", settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


@dataclass
class Machines:
    """Starts web servers and workers on one environment; stops them all on exit."""

    env: dict[str, str]
    log_dir: Path
    started: list[ProcfileProcess] = field(default_factory=list)

    def release(self) -> None:
        """The Procfile's release steps (migrate, collectstatic, search indices)."""
        run_steps("release", self.env)

    def web(self, label: str) -> WebServer:
        server = WebServer(env=self.env, log_path=self.log_dir / f"{label}.log")
        self.started.append(server)
        return server.start()

    def worker(self, label: str) -> ProcfileProcess:
        worker = ProcfileProcess(
            name="worker", env=self.env, log_path=self.log_dir / f"{label}.log"
        )
        self.started.append(worker)
        return worker.start()

    def logs(self) -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.log()[-2000:]}" for p in self.started)

    def __enter__(self) -> Machines:
        return self

    def __exit__(self, *exc) -> None:
        for process in reversed(self.started):
            process.stop()


def stopped_cleanly(process: ProcfileProcess) -> bool:
    """Stop it as a deploy would (SIGTERM); True if it finished its work and exited 0."""
    process.stop()
    return process.process.returncode == 0


@dataclass
class Visitor:
    """One browser: its cookies, sent to whichever server the balancer picks.

    Requests arrive as the proxy in front passes them on: for the public host,
    over HTTPS (X-Forwarded-Proto), so the site's Secure cookies and CSRF
    origin checks are the production ones.
    """

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, server: WebServer, path: str, **kwargs) -> requests.Response:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Origin": SITE_URL,
            "Referer": f"{SITE_URL}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            f"{server.url}{path}",
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

    def get(self, server: WebServer, path: str) -> requests.Response:
        return self.request("GET", server, path)

    def post_form(self, server: WebServer, path: str, data: dict, *, files=None):
        """GET the form's page for its CSRF token, then POST ``data`` to it."""
        page = self.get(server, path)
        token = CSRF_FIELD.search(page.text)
        assert token, f"no CSRF token on {path} ({page.status_code})"
        return self.request(
            "POST",
            server,
            path,
            data={"csrfmiddlewaretoken": token.group(1), **data},
            files=files,
        )

    def sign_in(self, server: WebServer, email: str, password: str) -> requests.Response:
        return self.post_form(server, "/accounts/login/", {"login": email, "password": password})
