"""Form fields for "a town or city, a US ZIP code, or a UK postcode", and how
every form offers the other readings of a name several places share.

A shared name ("Glasgow") is never an error: the field cleans to the likeliest
place (``read_place``) and keeps the reading. A page then shows it with
``reading_offer``: on a search, "Showing Glasgow, Scotland · Glasgow, Kentucky"
with each other reading a link that runs the search again with it; after a
saved form, ``announce_readings`` says in a message which place was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict

from fairsite.places.lookup import country_code, read_place
from fairsite.places.place import Place, PlaceChoice, PlaceNotFound, PlaceReading

# The address parameter a chosen reading's link sets to its country, so the
# visitor's next shared name is read in that country (jobs.search.visitor_places).
CHOSEN_COUNTRY = "place_country"


def site_country() -> str:
    """The site's PLACES_DEFAULT_COUNTRY, read when a form is checked."""
    return settings.PLACES_DEFAULT_COUNTRY


def resolve_place(
    text: str, *, prefer_country: str | None = None, hint_country: str | None = None
) -> PlaceReading:
    """The one way a typed place is read on this site: the person's country
    (when known) first, then size, then the site's country; PlaceNotFound if
    nothing fits. `hint_country` ("US", "GB" or None) stands in for the site's
    country when something other than the person says where they are (a search's
    words, ``fairsite.search.word_countries``)."""
    site = country_code(hint_country) or site_country()
    return read_place(text, prefer_country=prefer_country, site_country=site)


class PlaceField(forms.CharField):
    """Cleans to a Place, with an error in plain words next to the field.

    `prefer_country` is the person's own country, when known: "US", "GB",
    None, or a callable returning one of those (say, from the signed-in
    person's profile). After cleaning, `reading` holds how the text was read.
    A bound form shows what the person typed, so an error never loses their text.
    """

    default_error_messages = {
        "required": "Type a town or city, a ZIP code or a postcode.",
        "max_length": "That is too long for a place. Type a town or city, a ZIP code "
        "or a postcode.",
    }

    def __init__(
        self,
        *,
        prefer_country: str | Callable[[], str | None] | None = None,
        max_length: int = 100,
        **kwargs: Any,
    ) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.prefer_country = prefer_country
        # A callable returning a country for resolve_place's `hint_country`.
        self.hint_country: Callable[[], str | None] = lambda: None
        self.reading: PlaceReading | None = None

    def preferred_country(self) -> str | None:
        if callable(self.prefer_country):
            return self.prefer_country()
        return self.prefer_country

    def clean(self, value: Any) -> Place | None:
        text = super().clean(value)
        self.reading = None
        if text in self.empty_values:
            return None
        try:
            self.reading = resolve_place(
                text, prefer_country=self.preferred_country(), hint_country=self.hint_country()
            )
        except PlaceNotFound as error:
            raise ValidationError(error.message, code="place_not_found") from None
        return self.reading.place

    def prepare_value(self, value: Any) -> Any:
        # An initial value may be a Place (say, the saved home location).
        return value.label if isinstance(value, Place) else value

    def has_changed(self, initial: Any, data: Any) -> bool:
        return super().has_changed(self.prepare_value(initial), data)


def form_readings(form: forms.Form) -> list[PlaceReading]:
    """Every shared-name reading the form's place fields made, in field order."""
    found = []
    for field in form.fields.values():
        readings = getattr(field, "readings", None) or [getattr(field, "reading", None)]
        found += [reading for reading in readings if reading and reading.is_ambiguous]
    return found


def reading_offer(reading: PlaceReading | None, params: QueryDict, name: str = "place"):
    """What a page's place-reading line shows (``places/reading.html``): the place
    chosen, and each other reading with the link that runs the page's search again
    with it (these GET parameters, field `name` set to it and CHOSEN_COUNTRY to
    its country, back on page 1); None when the place was not a shared name."""
    if reading is None or not reading.is_ambiguous:
        return None

    def url_for(choice: PlaceChoice) -> str:
        changed = params.copy()
        changed.pop("page", None)
        changed[name] = choice.text
        changed[CHOSEN_COUNTRY] = choice.place.country
        return f"?{changed.urlencode()}"

    return {
        "typed": reading.typed,
        "chosen": reading.chosen.name,
        "others": [{"name": c.name, "url": url_for(c)} for c in reading.others],
    }


def announce_readings(request, form: forms.Form) -> None:
    """After a form with places is saved: say which place each shared name became."""
    for reading in form_readings(form):
        messages.info(request, reading.sentence())
