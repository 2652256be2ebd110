"""Distance between two points on the Earth, for "within N miles of ..."."""

from __future__ import annotations

import math

# The mean radius (IUGG); a sphere is within about 0.5% of the real Earth,
# far closer than a town's or a postcode district's centre is to anyone in it.
EARTH_RADIUS_MILES = 3958.7613


def distance_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in miles between two (latitude, longitude) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
