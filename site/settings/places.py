"""Places: the country whose towns win when a name is found in both (Birmingham).

Forms prefer the person's own country where it is known, and this one otherwise.
"""

from .env import env_str

_COUNTRIES = {"US": "US", "GB": "GB", "UK": "GB"}

_raw = env_str("PLACES_DEFAULT_COUNTRY", "US")
if _raw.upper() not in _COUNTRIES:
    raise SystemExit(f"Settings error: PLACES_DEFAULT_COUNTRY must be US or GB, not {_raw!r}.")
PLACES_DEFAULT_COUNTRY = _COUNTRIES[_raw.upper()]
