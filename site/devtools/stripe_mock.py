"""Build and run stripe-mock, Stripe's own API mock, for the test suite.

`prepare.py` builds it with Go into .cache/bin.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from fairsite.devtools.paths import CACHE_DIR, free_port, require_command

# The one place the stripe-mock version is pinned.
VERSION = "v0.203.0"
BIN_DIR = CACHE_DIR / "bin"
BINARY = BIN_DIR / "stripe-mock"
STAMP = BIN_DIR / ".stripe-mock-version"


class StripeMockUnavailable(RuntimeError):
    """stripe-mock could not be built or started; the message says what to do."""


def install() -> str:
    if BINARY.exists() and STAMP.exists() and STAMP.read_text().strip() == VERSION:
        return str(BINARY)
    try:
        go = require_command(
            "go", "Go is needed to build stripe-mock (Debian: apt-get install golang)."
        )
    except FileNotFoundError as error:
        raise StripeMockUnavailable(str(error)) from None
    BIN_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Building stripe-mock {VERSION} with Go...", flush=True)
    subprocess.run(  # noqa: S603
        [go, "install", f"github.com/stripe/stripe-mock@{VERSION}"],
        env={**os.environ, "GOBIN": str(BIN_DIR)},
        check=True,
    )
    STAMP.write_text(VERSION)
    return str(BINARY)


@dataclass
class StripeMockServer:
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: int = 30) -> StripeMockServer:
        binary = install()
        self.process = subprocess.Popen(  # noqa: S603
            # Unless told otherwise, stripe-mock also serves HTTPS on the fixed
            # port 12112, so a second test run on the machine could not start.
            [binary, "-http-addr", f"127.0.0.1:{self.port}", "-https-addr", "127.0.0.1:0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(  # noqa: S310
                    f"{self.url}/v1/customers", headers={"Authorization": "Bearer sk_test_123"}
                )
                with urllib.request.urlopen(request, timeout=2):  # noqa: S310
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise StripeMockUnavailable(f"stripe-mock did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
