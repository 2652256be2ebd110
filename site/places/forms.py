"""A form field for "a town or city, a US ZIP code, or a UK postcode"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from fairsite.places.lookup import find_place
from fairsite.places.place import Place, PlaceAmbiguous, PlaceNotFound

# The site's PLACES_DEFAULT_COUNTRY, read when the form is checked.
SITE_DEFAULT = object()


class PlaceField(forms.CharField):
    """Cleans to a Place, with an error in plain words next to the field.

    `prefer_country` settles names found in both countries: "US", "GB",
    None for no preference, or a callable returning one of those (say, the
    signed-in person's country). By default, the site's setting. A bound form
    shows what the person typed, so an error never loses their text.
    """

    default_error_messages = {
        "required": "Type a town or city, a ZIP code or a postcode.",
        "max_length": "That is too long for a place. Type a town or city, a ZIP code "
        "or a postcode.",
    }

    def __init__(
        self,
        *,
        prefer_country: str | Callable[[], str | None] | object | None = SITE_DEFAULT,
        max_length: int = 100,
        **kwargs: Any,
    ) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.prefer_country = prefer_country

    def preferred_country(self) -> str | None:
        if self.prefer_country is SITE_DEFAULT:
            return settings.PLACES_DEFAULT_COUNTRY
        if callable(self.prefer_country):
            return self.prefer_country()
        return self.prefer_country  # type: ignore[return-value]

    def clean(self, value: Any) -> Place | None:
        text = super().clean(value)
        if text in self.empty_values:
            return None
        try:
            return find_place(text, prefer_country=self.preferred_country())
        except PlaceNotFound as error:
            raise ValidationError(error.message, code="place_not_found") from None
        except PlaceAmbiguous as error:
            raise ValidationError(error.message, code="place_ambiguous") from None

    def prepare_value(self, value: Any) -> Any:
        # An initial value may be a Place (say, the saved home location).
        return value.label if isinstance(value, Place) else value

    def has_changed(self, initial: Any, data: Any) -> bool:
        return super().has_changed(self.prepare_value(initial), data)
