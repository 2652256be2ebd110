"""Whose country a visitor's place names are read in, when a name is shared.

Their profile's home country, when they are signed in with one; else the country
of the last place they searched that named one place only (an alternative they
chose from the "Showing ..." line is such a place), kept in their session;
else none, and the site's rules decide (``fairsite.places.lookup``). A country
says nothing about a person's record, so it may sit in a session.
"""

from __future__ import annotations

from candidates.selectors import profile_for
from fairsite.places import PlaceReading

SESSION_KEY = "places_country"


def visitor_country(request) -> str | None:
    """ "US", "GB" or None: see the module docstring."""
    profile = profile_for(request.user)
    home = getattr(profile, "home", None) if profile is not None else None
    if home is not None:
        return home.country
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


def remember_place(request, reading: PlaceReading | None) -> None:
    """Keep the country of a place the visitor named without doubt, for next time."""
    session = getattr(request, "session", None)
    if reading is None or reading.is_ambiguous or session is None:
        return
    if session.get(SESSION_KEY) != reading.place.country:
        session[SESSION_KEY] = reading.place.country
