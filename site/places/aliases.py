"""What people type that GeoNames spells differently, or lacks.

GeoNames stores "New York City", not "New York"; some London districts people
name every day (Shoreditch, Hackney) are not in it at all. The build adds each
alias as one more name for its target and each extra place as one more city,
so lookups rank them like any other. tests/site/test_places.py checks them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """A place already in the data: its GeoNames name, country and region."""

    name: str
    country: str
    admin1: str


@dataclass(frozen=True)
class ExtraPlace:
    """A district GeoNames lacks, placed at the centre of its postcode district.

    The population is a round figure for ranking against places of the same
    name elsewhere, not a statistic to show.
    """

    name: str
    postcode: str
    admin2: str
    population: int
    admin1: str = "England"
    country: str = "GB"


ALIASES: dict[str, Target] = {
    "New York": Target("New York City", "US", "NY"),
    "NYC": Target("New York City", "US", "NY"),
    "Bronx": Target("The Bronx", "US", "NY"),
    "LA": Target("Los Angeles", "US", "CA"),
    "SF": Target("San Francisco", "US", "CA"),
    "Philly": Target("Philadelphia", "US", "PA"),
    "Vegas": Target("Las Vegas", "US", "NV"),
    "NOLA": Target("New Orleans", "US", "LA"),
    "DC": Target("Washington", "US", "DC"),
    "Washington DC": Target("Washington", "US", "DC"),
    "Westminster": Target("City of Westminster", "GB", "England"),
    # Of England's two Richmonds, the target is the bigger: the London one.
    "Richmond upon Thames": Target("Richmond", "GB", "England"),
    "Hull": Target("Kingston upon Hull", "GB", "England"),
    "Newcastle": Target("Newcastle upon Tyne", "GB", "England"),
    "Stoke": Target("Stoke-on-Trent", "GB", "England"),
    "Brighton and Hove": Target("Brighton", "GB", "England"),
    "Enfield": Target("Enfield Town", "GB", "England"),
    "Londonderry": Target("Derry", "GB", "Northern Ireland"),
}

EXTRA_PLACES: tuple[ExtraPlace, ...] = (
    ExtraPlace("Shoreditch", "EC2A", "Greater London", 40_000),
    ExtraPlace("Hackney", "E8", "Greater London", 80_000),
    ExtraPlace("Mayfair", "W1K", "Greater London", 10_000),
    ExtraPlace("Hammersmith", "W6", "Greater London", 50_000),
    ExtraPlace("Southwark", "SE1", "Greater London", 60_000),
    ExtraPlace("Ealing", "W5", "Greater London", 90_000),
)

# Words for a whole country, accepted after a comma ("Cambridge, UK").
COUNTRY_WORDS: dict[str, str] = {
    "US": "US",
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "United States": "US",
    "United States of America": "US",
    "America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "GB": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "United Kingdom": "GB",
}

# Other ways to write a state or nation than its name or postal abbreviation.
REGION_WORDS: dict[str, tuple[str, str]] = {
    "D.C.": ("US", "DC"),
    "Washington DC": ("US", "DC"),
    "NI": ("GB", "Northern Ireland"),
    "N Ireland": ("GB", "Northern Ireland"),
}

# Other ways to write an area (GeoNames' second level) than its own name.
AREA_WORDS: dict[str, str] = {
    "London": "Greater London",
}
