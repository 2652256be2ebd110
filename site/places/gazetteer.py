"""The built place data: one read-only SQLite file, opened once per thread.

SQLite rather than tables in memory: each web process keeps only SQLite's small
page cache (the operating system shares the file's pages between processes),
start-up costs one file open, and an indexed query answers in microseconds.
The few US states and UK nations used to read "Portland, OR" are held in memory.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import NamedTuple

from fairsite.places.distance import distance_miles
from fairsite.places.names import name_key

PLACES_DIR = Path(__file__).resolve().parent
BASE_DIR = PLACES_DIR.parents[1]
DATA_DIR = BASE_DIR / ".cache" / "places"
DATA_FILE = DATA_DIR / "places.sqlite3"
# Everything the data file is made from: a change to any of them means a rebuild.
STAMP_SOURCES = (
    "build-requirements.lock",
    "extract.py",
    "build.py",
    "names.py",
    "aliases.py",
)
# At most this many typing-slip variants are looked up for a suggestion.
MAX_VARIANTS = 64
# A postcode district's town is the one that "pulls" hardest on its centre:
# population over distance squared, among towns this close. London's pull
# reaches E1 from 5 km away; a village 1 km from a district does not outweigh it.
TOWN_REACH_KM = 30
TOWN_PULL_OFFSET_KM = 2


class PlacesDataMissing(RuntimeError):
    """The data file is missing or older than the code; the message says what to run."""


class Entry(NamedTuple):
    """One row of the data: a Place plus the population used to rank it."""

    kind: str
    country: str
    name: str
    label: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    population: int


_COLUMNS = (
    "p.kind, p.country, p.name, p.label, p.admin1, p.admin2, p.latitude, p.longitude, p.population"
)
_local = threading.local()
_regions: dict[str, tuple[str, str]] | None = None
_regions_lock = threading.Lock()
_uk_towns: list[tuple[str, float, float, int]] | None = None


def source_stamp() -> str:
    """A digest of every file the data is built from."""
    digest = hashlib.sha256()
    for name in STAMP_SOURCES:
        digest.update(name.encode())
        digest.update((PLACES_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def _connection() -> sqlite3.Connection:
    connection = getattr(_local, "connection", None)
    if connection is None:
        connection = _open()
        _local.connection = connection
    return connection


def _open() -> sqlite3.Connection:
    how_to_build = "run `make run` or `make test`, or: python -m fairsite.places.build"
    if not DATA_FILE.exists():
        raise PlacesDataMissing(f"The place data {DATA_FILE} has not been built: {how_to_build}.")
    # immutable: the file is replaced whole, never written in place, so SQLite
    # can skip locking; a replaced file stays readable by whoever has it open.
    connection = sqlite3.connect(
        f"{DATA_FILE.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    stamp = connection.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
    if stamp is None or stamp[0] != source_stamp():
        connection.close()
        raise PlacesDataMissing(f"The place data {DATA_FILE} is out of date: {how_to_build}.")
    return connection


def warm() -> None:
    """Open the data and read what lookups keep in memory, so the first request
    doesn't; raises PlacesDataMissing if the data isn't built."""
    regions()
    _connection().execute("SELECT count(*) FROM codes").fetchone()


def regions() -> dict[str, tuple[str, str]]:
    """Name key of each US state and UK nation (and "or" for Oregon) → (country, admin1)."""
    global _regions
    if _regions is None:
        with _regions_lock:
            if _regions is None:
                rows = _connection().execute("SELECT key, country, admin1 FROM regions")
                _regions = {key: (country, admin1) for key, country, admin1 in rows}
    return _regions


def _towns_in_britain() -> list[tuple[str, float, float, int]]:
    global _uk_towns
    if _uk_towns is None:
        with _regions_lock:
            if _uk_towns is None:
                rows = _connection().execute(
                    "SELECT name, latitude, longitude, population FROM places"
                    " WHERE kind = 'city' AND country = 'GB' AND population > 0"
                )
                _uk_towns = list(rows)
    return _uk_towns


@functools.lru_cache(maxsize=4096)
def postcode_town(latitude: float, longitude: float) -> str:
    """The town a UK postcode district's centre belongs to, as people would name it
    ("London" for E1, "Manchester" for M1); "" when none is near (the Isle of Man)."""
    best, best_pull = "", 0.0
    for name, town_latitude, town_longitude, population in _towns_in_britain():
        if abs(town_latitude - latitude) > 0.3 or abs(town_longitude - longitude) > 0.5:
            continue  # further than TOWN_REACH_KM in any case: skip the trigonometry
        km = distance_miles((latitude, longitude), (town_latitude, town_longitude)) * 1.609344
        if km > TOWN_REACH_KM:
            continue
        pull = population / (km + TOWN_PULL_OFFSET_KM) ** 2
        if pull > best_pull:
            best, best_pull = name, pull
    return best


def named(text: str) -> list[Entry]:
    """Every city whose name (or alias) reads like `text`."""
    rows = _connection().execute(
        f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",  # noqa: S608
        (name_key(text),),
    )
    return [Entry(*row) for row in rows]


def coded(code: str) -> Entry | None:
    """The ZIP code or UK outward code `code` (uppercase, no spaces), if known."""
    row = (
        _connection()
        .execute(
            f"SELECT {_COLUMNS} FROM codes c JOIN places p ON p.id = c.place_id WHERE c.code = ?",  # noqa: S608
            (code,),
        )
        .fetchone()
    )
    return Entry(*row) if row else None


def near_misses(variants: set[str]) -> list[Entry]:
    """Cities whose name key is one typing slip from the key the variants came from."""
    wanted = sorted(variants)[:MAX_VARIANTS]
    marks = ",".join("?" * len(wanted))
    rows = _connection().execute(
        f"SELECT DISTINCT {_COLUMNS} FROM near m JOIN names n ON n.key = m.key "  # noqa: S608
        f"JOIN places p ON p.id = n.place_id WHERE m.variant IN ({marks})",
        wanted,
    )
    return [Entry(*row) for row in rows]


def region_name(country: str, admin1: str) -> str:
    """What to call a US state (from its code) or a UK nation, for people to read."""
    if country != "US":
        return admin1
    names = [key for key, found in regions().items() if found == (country, admin1)]
    if not names:
        return admin1
    longest = max(names, key=len)
    return " ".join(word if word == "of" else word.capitalize() for word in longest.split())


def regions_of(country: str) -> list[tuple[str, str]]:
    """The US states (by postal code) or UK nations of `country`, as
    (admin1, name people read), in name order."""
    codes = {admin1 for found, admin1 in regions().values() if found == country}
    return sorted(((code, region_name(country, code)) for code in codes), key=lambda r: r[1])
