"""Fetch and run a real Elasticsearch server for `make run` and the test suite.

Uses only the standard library, so it works before anything else is set up.
The server is Elastic's core build from Maven Central (no stemmer, synonym,
percolator or script plugins; `GET /` answers 405). It refuses to run as
root, so as root we run it as a dedicated unprivileged system user. `prepare.py` installs it.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from fairsite.devtools.paths import CACHE_DIR, free_port, require_command

# The one place the server version is pinned.
VERSION = "8.19.21"
ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{VERSION}:zip"
DOWNLOAD_DIR = CACHE_DIR / "elasticsearch"
HOME = DOWNLOAD_DIR / f"elasticsearch-{VERSION}"
SERVICE_USER = "fairchance-es"


class ElasticsearchUnavailable(RuntimeError):
    """The server could not be installed or started; the message says what to do."""


def java_home() -> str:
    """The JDK to run the server with (the build ships none)."""
    if os.environ.get("ES_JAVA_HOME"):
        return os.environ["ES_JAVA_HOME"]
    java = shutil.which("java")
    if not java:
        raise ElasticsearchUnavailable(
            "Java 17 or newer is needed to run Elasticsearch: install OpenJDK 17 "
            "(Debian: apt-get install openjdk-17-jre-headless) or set ES_JAVA_HOME."
        )
    return str(Path(java).resolve().parent.parent)


def install() -> Path:
    """Download and unpack the server once; later calls cost nothing."""
    if (HOME / "bin" / "elasticsearch").exists():
        return HOME
    try:
        mvn = require_command(
            "mvn", "Maven is needed to fetch Elasticsearch (Debian: apt-get install maven)."
        )
    except FileNotFoundError as error:
        raise ElasticsearchUnavailable(str(error)) from None
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    archive = DOWNLOAD_DIR / f"elasticsearch-{VERSION}.zip"
    if not archive.exists():
        print(f"Fetching Elasticsearch {VERSION} from Maven Central...", flush=True)
        subprocess.run(  # noqa: S603
            [
                mvn,
                "-q",
                "dependency:copy",
                f"-Dartifact={ARTIFACT}",
                f"-DoutputDirectory={DOWNLOAD_DIR}",
            ],
            check=True,
        )
    unpack_dir = Path(tempfile.mkdtemp(dir=DOWNLOAD_DIR, prefix="unpack-"))
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpack_dir)
        # zipfile drops permission bits; the launch scripts and the JNA/native
        # helpers must stay executable.
        for info in zipped.infolist():
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(unpack_dir / info.filename, mode)
    (unpack_dir / f"elasticsearch-{VERSION}").rename(HOME)
    shutil.rmtree(unpack_dir)
    archive.unlink()
    return HOME


def _service_user() -> pwd.struct_passwd | None:
    """The user the server runs as: ourselves, or a system user when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(  # noqa: S603
            [  # noqa: S607 (the system's own useradd, wherever PATH has it)
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )
        return pwd.getpwnam(SERVICE_USER)


def _runnable_home(home: Path, user: pwd.struct_passwd | None) -> Path:
    """The install folder, somewhere the service user can read it.

    A checkout under a private folder (such as /root) is out of the service
    user's reach; then the server runs from a copy under the system temp folder.
    """
    if user is None:
        return home
    probe = subprocess.run(  # noqa: S603
        ["runuser", "-u", user.pw_name, "--", "test", "-x", str(home / "bin" / "elasticsearch")],  # noqa: S607
        check=False,
    )
    if probe.returncode == 0:
        return home
    copy = Path(tempfile.gettempdir()) / f"fairchance-elasticsearch-{VERSION}"
    if not (copy / "bin" / "elasticsearch").exists():
        shutil.copytree(home, copy, symlinks=True)
        copy.chmod(0o755)
    return copy


def _give_to(user: pwd.struct_passwd | None, *paths: Path) -> None:
    if user is None:
        return
    for top in paths:
        for path in [top, *top.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid)


def health(url: str, *, wait_seconds: int = 0) -> dict:
    """GET /_cluster/health (GET / answers 405 on the core build)."""
    query = f"?wait_for_status=yellow&timeout={wait_seconds}s" if wait_seconds else ""
    with urllib.request.urlopen(f"{url}/_cluster/health{query}", timeout=wait_seconds + 5) as r:  # noqa: S310
        return json.load(r)


@dataclass
class ElasticsearchServer:
    """One server on free loopback ports, with its data in its own folder."""

    data_root: Path
    heap: str = "512m"
    http_port: int = field(default_factory=free_port)
    transport_port: int = field(default_factory=free_port)
    name: str = "fairchance"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pidfile(self) -> Path:
        return self.data_root / "run" / "elasticsearch.pid"

    @property
    def logfile(self) -> Path:
        return self.data_root / "logs" / f"{self.name}.log"

    def start(self, *, timeout: int = 120) -> ElasticsearchServer:
        home = install()
        config = self.data_root / "config"
        for sub in ("data", "logs", "run", "tmp"):
            (self.data_root / sub).mkdir(parents=True, exist_ok=True)
        tmp = self.data_root / "tmp"
        # The server writes into its config folder (a keystore), so each
        # server gets its own copy rather than sharing the download's.
        if not config.exists():
            shutil.copytree(home / "config", config)
        user = _service_user()
        home = _runnable_home(home, user)
        _give_to(user, self.data_root)
        self.data_root.chmod(0o755)
        env = {
            **os.environ,
            "ES_JAVA_HOME": java_home(),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
            "ES_PATH_CONF": str(config),
            # The server's and its launcher's temporary folders inside the data
            # root, which goes with the server: by default each start left two
            # folders in /tmp (elasticsearch-*, final-flags*), hundreds a day.
            "ES_TMPDIR": str(tmp),
            "CLI_JAVA_OPTS": f"-Djava.io.tmpdir={tmp}",
        }
        command = [
            str(home / "bin" / "elasticsearch"),
            "-d",
            "-p",
            str(self.pidfile),
            "-E",
            f"cluster.name={self.name}-{self.http_port}",
            "-E",
            f"node.name={self.name}-{self.http_port}",
            "-E",
            "discovery.type=single-node",
            "-E",
            "network.host=127.0.0.1",
            "-E",
            f"http.port={self.http_port}",
            "-E",
            f"transport.port={self.transport_port}",
            "-E",
            f"path.data={self.data_root / 'data'}",
            "-E",
            f"path.logs={self.data_root / 'logs'}",
            # A loopback development server: no TLS or passwords. Production
            # clusters keep security on and the client takes their credentials.
            "-E",
            "xpack.security.enabled=false",
            "-E",
            "action.destructive_requires_name=false",
            "-E",
            "cluster.routing.allocation.disk.threshold_enabled=false",
        ]
        if user is not None:
            command = ["runuser", "-u", user.pw_name, "--", *command]
        started = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if started.returncode != 0:
            raise ElasticsearchUnavailable(
                f"Elasticsearch did not start (exit {started.returncode}): "
                f"{(started.stderr or started.stdout).strip()[-2000:]}"
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                health(self.url, wait_seconds=5)
                return self
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.5)
        self.stop()
        raise ElasticsearchUnavailable(
            f"Elasticsearch did not become healthy within {timeout} s; see {self.logfile}"
        )

    def pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def stop(self, *, timeout: int = 30) -> None:
        """Stop the server by the pid it wrote, never by process name."""
        pid = self.pid()
        if pid is None:
            return
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.kill(pid, 9)
