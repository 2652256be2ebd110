"""Install what `make run` and `make test` need beyond the Python packages.

    python -m fairsite.devtools.prepare run    # Elasticsearch, the place data
    python -m fairsite.devtools.prepare test   # also stripe-mock, Chromium, axe-core
    python -m fairsite.devtools.prepare bench  # as for run, and wrk

On Debian, as root, missing system packages are installed with apt-get;
elsewhere the first missing tool is named with what to install.
Every step is skipped when its result is already there (the place data is
rebuilt when its sources change: see fairsite.places.build).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from fairsite.devtools import elasticsearch, stripe_mock
from fairsite.devtools.paths import BASE_DIR
from fairsite.places import build as places_build

BROWSER_DIR = BASE_DIR / "tests" / "browser"
AXE_SCRIPT = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")

# command that must exist -> Debian package that provides it
SYSTEM_PACKAGES = {
    "run": {"java": "openjdk-17-jre-headless", "mvn": "maven"},
    # The load benchmark (make bench-load) drives the web server with wrk.
    "bench": {"java": "openjdk-17-jre-headless", "mvn": "maven", "wrk": "wrk"},
    "test": {
        "java": "openjdk-17-jre-headless",
        "mvn": "maven",
        "go": "golang-go",
        "npm": "npm",
        "chromium": "chromium",
        "wrk": "wrk",  # the load benchmark's own tests
    },
}


def missing_packages(purpose: str) -> dict[str, str]:
    wanted = SYSTEM_PACKAGES[purpose]
    missing = {command: package for command, package in wanted.items() if not shutil.which(command)}
    if purpose == "test" and CHROMIUM.exists():
        missing.pop("chromium", None)
    return missing


def install_system_packages(purpose: str) -> None:
    missing = missing_packages(purpose)
    if not missing:
        return
    can_install = os.geteuid() == 0 and shutil.which("apt-get")
    if not can_install:
        packages = " ".join(sorted(set(missing.values())))
        print(
            f"Missing: {', '.join(sorted(missing))}. On Debian: sudo apt-get install {packages}",
            file=sys.stderr,
        )
        return
    packages = sorted(set(missing.values()))
    print(f"Installing system packages: {' '.join(packages)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run(  # noqa: S603
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],  # noqa: S607
        check=True,
        env=env,
    )


def install_axe() -> None:
    if AXE_SCRIPT.exists():
        return
    npm = shutil.which("npm")
    if not npm:
        print("npm is needed for axe-core (Debian: apt-get install npm).", file=sys.stderr)
        return
    subprocess.run(  # noqa: S603
        [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(BROWSER_DIR)], check=True
    )


def prepare(purpose: str) -> None:
    install_system_packages(purpose)
    elasticsearch.install()
    places_build.build()
    if purpose == "test":
        stripe_mock.install()
        install_axe()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in SYSTEM_PACKAGES:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        prepare(argv[1])
    except (
        elasticsearch.ElasticsearchUnavailable,
        stripe_mock.StripeMockUnavailable,
        places_build.PlacesBuildFailed,
        subprocess.CalledProcessError,
    ) as error:
        print(f"Set-up failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
