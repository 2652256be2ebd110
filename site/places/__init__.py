"""Places: what people type (a town, a US ZIP code, a UK postcode) as a point.

    from fairsite.places import find_place, distance_miles

    home = find_place("Portland, ME")
    distance_miles(home.point, find_place("02139").point)

Everything is answered from a data file built at install time
(fairsite.places.build), with no network. Forms read places through
fairsite.places.forms (PlaceField, resolve_place, reading_offer).
"""

from fairsite.places.attribution import ATTRIBUTION
from fairsite.places.distance import distance_miles
from fairsite.places.gazetteer import PlacesDataMissing, region_name, regions_of, warm
from fairsite.places.lookup import find_place, read_place
from fairsite.places.place import (
    Place,
    PlaceChoice,
    PlaceLookupError,
    PlaceNotFound,
    PlaceReading,
)

__all__ = [
    "ATTRIBUTION",
    "Place",
    "PlaceChoice",
    "PlaceLookupError",
    "PlaceNotFound",
    "PlaceReading",
    "PlacesDataMissing",
    "distance_miles",
    "find_place",
    "read_place",
    "region_name",
    "regions_of",
    "warm",
]
