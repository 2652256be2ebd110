"""Whose country a visitor's place names are read in, when a name is shared.

The country of a place they chose from a "Showing ..." line, which the chosen
link puts in the address (``place_country``) and the search form carries on, so
their next shared name ("Cambridge" after choosing "Richmond, Greater London")
is read in the same country: the latest thing they said. Else their profile's
home country, when they are signed in with one. Else none, and the site's rules
decide (``fairsite.places.lookup``). Nothing is kept between visits or in a
cookie.
"""

from __future__ import annotations

from fairsite.places.forms import CHOSEN_COUNTRY
from fairsite.places.lookup import country_code

from ..seekers import seeker_for


def chosen_country(request) -> str | None:
    """The country of a place the visitor chose, from the address ("US", "GB" or None)."""
    return country_code(request.GET.get(CHOSEN_COUNTRY))


def visitor_country(request) -> str | None:
    """ "US", "GB" or None: see the module docstring."""
    if chosen := chosen_country(request):
        return chosen
    return seeker_for(request.user).home_country
