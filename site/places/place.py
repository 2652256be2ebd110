"""A place found from what someone typed, and the two ways a lookup can fail.

The failures carry plain-words messages (reading age about 11) that forms show
next to the field as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Country = Literal["US", "GB"]
Kind = Literal["city", "zip", "postcode"]

# Long enough for anything real; what someone pasted by mistake is cut in messages.
SHOWN_TEXT_LENGTH = 40


@dataclass(frozen=True)
class Place:
    """A point on the map with what to call it.

    `admin1` is the US state's postal code ("OR") or the UK nation ("England");
    `admin2` the county or district ("Multnomah County", "Greater London"),
    empty when unknown. A ZIP's `name` is its town; a postcode's is its outward
    code, whose centre the point is.
    """

    label: str
    latitude: float
    longitude: float
    country: Country
    kind: Kind
    name: str
    admin1: str = ""
    admin2: str = ""

    @property
    def point(self) -> tuple[float, float]:
        """(latitude, longitude), as `distance_miles` takes it."""
        return (self.latitude, self.longitude)


class PlaceLookupError(LookupError):
    """What someone typed did not lead to one place; `message` says why."""

    def __init__(self, message: str, *, text: str) -> None:
        super().__init__(message)
        self.message = message
        self.text = text


class PlaceNotFound(PlaceLookupError):
    """No place matches. `suggestion` is a close name, when there is one."""

    def __init__(self, text: str, *, suggestion: str | None = None, message: str = "") -> None:
        if not message:
            message = f"We couldn't find '{shown(text)}'."
            if suggestion:
                message += f" Did you mean {suggestion}?"
            else:
                message += " Check the spelling, or try a town, a ZIP code or a postcode."
        super().__init__(message, text=text)
        self.suggestion = suggestion


class PlaceAmbiguous(PlaceLookupError):
    """More than one place matches.

    `choices` are the likeliest, and `suggestions[i]` is text that finds
    `choices[i]` on its own, for a person to pick from.
    """

    def __init__(
        self, text: str, *, name: str, choices: list[Place], suggestions: list[str]
    ) -> None:
        first, second = suggestions[0], suggestions[1]
        detail = "the state or country" if _names_region(choices) else "the county or area"
        message = (
            f"There is more than one {name}. Add {detail}, for example '{first}' or '{second}'."
        )
        super().__init__(message, text=text)
        self.choices = choices
        self.suggestions = suggestions


def _names_region(choices: list[Place]) -> bool:
    """True when state or nation alone tells the first two choices apart."""
    first, second = choices[0], choices[1]
    return (first.country, first.admin1) != (second.country, second.admin1)


def shown(text: str) -> str:
    """What someone typed, tidied and cut short enough to quote back to them."""
    tidy = " ".join(text.split())
    if len(tidy) > SHOWN_TEXT_LENGTH:
        return tidy[: SHOWN_TEXT_LENGTH - 1].rstrip() + "…"
    return tidy
