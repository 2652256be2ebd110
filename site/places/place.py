"""A place found from what someone typed, how it was read, and why a lookup can fail.

A name several places share ("Glasgow", "Richmond") is never an error: it is
read as the likeliest of them, and the reading keeps the others, so every form
can say "Showing Glasgow, Scotland" and offer the rest. The failure carries a
plain-words message (reading age about 11) that forms show next to the field.
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
    code, whose centre the point is, and its `town` the town that centre is in
    (its label reads "E1, London").
    """

    label: str
    latitude: float
    longitude: float
    country: Country
    kind: Kind
    name: str
    admin1: str = ""
    admin2: str = ""
    town: str = ""

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


@dataclass(frozen=True)
class PlaceChoice:
    """One reading of a typed name: the place, what to call it, and text that
    finds it alone (for a link or a field: "Glasgow, KY")."""

    place: Place
    name: str
    text: str


@dataclass(frozen=True)
class PlaceReading:
    """What someone typed, read as one place, with the other places it could mean.

    `others` is empty when the text names one place only ("Glasgow, KY",
    "90210"); otherwise the likeliest other readings, best first.
    """

    typed: str
    chosen: PlaceChoice
    others: tuple[PlaceChoice, ...] = ()

    @property
    def place(self) -> Place:
        return self.chosen.place

    @property
    def is_ambiguous(self) -> bool:
        return bool(self.others)

    def choosing(self, choice: PlaceChoice) -> PlaceReading:
        """This reading with `choice` (one of the others) chosen instead, and the
        one chosen before first among the others."""
        others = tuple(other for other in self.others if other != choice)
        return PlaceReading(self.typed, choice, (self.chosen, *others))

    def sentence(self) -> str:
        """The reading in words, for where links can't go (a message after saving)."""
        others = " or ".join(choice.name for choice in self.others)
        return (
            f"We took '{shown(self.typed)}' to mean {self.chosen.name}. "
            f"If you meant {others}, type that instead."
        )


def shown(text: str) -> str:
    """What someone typed, tidied and cut short enough to quote back to them."""
    tidy = " ".join(text.split())
    if len(tidy) > SHOWN_TEXT_LENGTH:
        return tidy[: SHOWN_TEXT_LENGTH - 1].rstrip() + "…"
    return tidy
