"""Turn what someone typed into one place: a US ZIP code, a UK postcode, or a
town with an optional state, county or country ("Portland, ME", "Cambridge UK").

A name several towns share is read as the likeliest of them, and the reading
keeps the others so the page can say which it chose and offer the rest:

1. The person's own country, when known (a place they chose before, or their
   profile), wins, unless a town abroad is PREFERENCE_LIMIT times bigger (a US
   visitor typing "London" means London, England).
2. Otherwise the bigger town wins, unless the site's country
   (PLACES_DEFAULT_COUNTRY) has one at least 1/SITE_SIZE_MARGIN its size: then
   that one. With the site's country US, "Cambridge" (England 146k, MA 110k)
   is Cambridge, MA; "Glasgow" (Scotland 626k, KY 14k) is Glasgow, Scotland.
3. Within one country, the bigger town ("Springfield" is Springfield, MO).
"""

from __future__ import annotations

import re

from fairsite.places import gazetteer
from fairsite.places.aliases import AREA_WORDS, COUNTRY_WORDS
from fairsite.places.gazetteer import Entry
from fairsite.places.names import (
    FULL_POSTCODE,
    OUTWARD_CODE,
    ZIP_CODE,
    area_key,
    code_key,
    deletions,
    name_key,
)
from fairsite.places.place import Place, PlaceChoice, PlaceNotFound, PlaceReading, shown

# Longer than any place with its state and country; more is pasted by mistake.
MAX_TEXT_LENGTH = 200
# Typo suggestions only for names long enough that one slip can't make another.
SUGGEST_LENGTHS = range(4, 41)
# The person's country's town yields when one abroad is this many times bigger:
# a US visitor typing "London" is not sent to Kentucky.
PREFERENCE_LIMIT = 10
# With no person's country, the site's country's town yields only to one
# abroad this many times bigger (Birmingham, England is ~6 times Birmingham, AL).
SITE_SIZE_MARGIN = 3
# The reading chosen plus at most this many others to offer.
MAX_CHOICES = 5

_COUNTRY_KEYS = {name_key(words): country for words, country in COUNTRY_WORDS.items()}
_AREA_KEYS = {name_key(words): area_key(area) for words, area in AREA_WORDS.items()}
_TRAILING_ZIP = re.compile(r"[\s,]([0-9]{5})(?:-?[0-9]{4})?$")
_TRAILING_POSTCODE = re.compile(r"[\s,]([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ?[0-9][A-Z]{2})?$")
_CODE_CHARACTERS = re.compile(r"[A-Za-z0-9 -]+")
# Between a town and its state or country, people write any of these.
_SEPARATORS = re.compile(r"[,;/|]")
_ZIP_LABEL = re.compile(r"(?P<zip>[0-9]{5}) \([^()]+\)")
# A postcode's own label, "E1, London": the code first, its town after.
_POSTCODE_LABEL = re.compile(
    r"(?P<code>[A-Za-z]{1,2}[0-9][A-Za-z0-9]?(?: ?[0-9][A-Za-z]{2})?)\s*,[^,]+"
)
_ASK_FOR_A_PLACE = "Type a town or city, a ZIP code or a postcode."


def country_code(country: str | None) -> str | None:
    """ "US" or "GB" ("UK" is read as "GB"); None for anything else."""
    return {"US": "US", "GB": "GB", "UK": "GB"}.get((country or "").upper())


def find_place(text: str, *, prefer_country: str | None = None) -> Place:
    """The place `text` names (the likeliest, if several), or PlaceNotFound."""
    return read_place(text, prefer_country=prefer_country).place


def read_place(
    text: str, *, prefer_country: str | None = None, site_country: str | None = None
) -> PlaceReading:
    """How `text` reads as a place, or PlaceNotFound (and no other exception)
    saying in plain words what to type instead.

    `prefer_country` is the person's own country and `site_country` the site's
    ("US" or "GB"; "UK" is read as "GB"; anything else is none): they settle a
    name found in both countries, such as Birmingham, as the module says.
    """
    tidy = " ".join(text.split())
    if not any(char.isalnum() for char in tidy):
        raise PlaceNotFound(text, message=_ASK_FOR_A_PLACE)
    if len(tidy) > MAX_TEXT_LENGTH:
        raise PlaceNotFound(text, message=f"That is too long for a place. {_ASK_FOR_A_PLACE}")
    prefer, site = country_code(prefer_country), country_code(site_country)
    # A code's own label, "90210 (Beverly Hills, CA)" or "E1, London", as forms
    # show it when a saved place is edited: it must find the same place again.
    if labelled := _ZIP_LABEL.fullmatch(tidy):
        tidy = labelled["zip"]
    entry = None
    if labelled := _POSTCODE_LABEL.fullmatch(tidy):
        try:
            entry = _find_code(text, labelled["code"])
        except PlaceNotFound:
            entry = None  # not a code after all: read it as a town
    entry = entry or _find_code(text, tidy) or _find_trailing_code(tidy)
    if entry is not None:
        place = _place(entry)
        return PlaceReading(text, PlaceChoice(place, place.label, place.label))
    return _read_town(text, _without_trailing_code(tidy), prefer, site)


def _find_code(text: str, tidy: str) -> Entry | None:
    """The ZIP code or postcode that is the whole of `tidy`, if it is one."""
    if not _CODE_CHARACTERS.fullmatch(tidy) or len(tidy.split()) > 2:
        return None
    compact = code_key(tidy)
    if match := ZIP_CODE.fullmatch(compact):
        code = match["zip"]
        if entry := gazetteer.coded(code):
            return entry
        raise PlaceNotFound(
            text,
            message=f"We don't know where the ZIP code {code} is. "
            "Try a nearby ZIP code, or the town.",
        )
    match = FULL_POSTCODE.fullmatch(compact) or OUTWARD_CODE.fullmatch(compact)
    if match is None:
        return None
    outward = match.groupdict().get("outward") or compact
    if entry := gazetteer.coded(outward):
        return entry
    raise PlaceNotFound(
        text,
        message=f"We couldn't find the postcode '{shown(tidy.upper())}'. "
        "Check it, or try the town.",
    )


def _find_trailing_code(tidy: str) -> Entry | None:
    """A known code after a town, as in "Cambridge, MA 02139" or "London SW1A 1AA"."""
    upper = tidy.upper()
    for pattern in (_TRAILING_ZIP, _TRAILING_POSTCODE):
        if (match := pattern.search(upper)) and (entry := gazetteer.coded(match[1])):
            return entry
    return None


def _without_trailing_code(tidy: str) -> str:
    upper = tidy.upper()
    for pattern in (_TRAILING_ZIP, _TRAILING_POSTCODE):
        if (match := pattern.search(upper)) and match.start() > 0:
            return tidy[: match.start()].rstrip(" ,")
    return tidy


def _read_town(text: str, tidy: str, prefer: str | None, site: str | None) -> PlaceReading:
    parts = [part.strip() for part in _SEPARATORS.split(tidy) if part.strip()]
    if not parts:
        raise PlaceNotFound(text, message=_ASK_FOR_A_PLACE)
    name, qualifiers = parts[0], parts[1:]
    candidates = gazetteer.named(name)
    if not candidates and not qualifiers:
        name, qualifiers = _split_qualifier(name)
        candidates = gazetteer.named(name) if qualifiers else []
    if not candidates:
        if not qualifiers and _is_area(name):
            raise PlaceNotFound(text, message=f"'{shown(name)}' is a big area. {_ASK_FOR_A_PLACE}")
        raise PlaceNotFound(text, suggestion=_suggestion(name, prefer or site))
    matching = [entry for entry in candidates if all(_is_in(entry, q) for q in qualifiers)]
    if not matching:
        best = _ranked(candidates, prefer or site)[0]
        raise PlaceNotFound(text, suggestion=best.label)
    return _reading(text, matching, prefer, site)


def _split_qualifier(words: str) -> tuple[str, list[str]]:
    """("portland", ["oregon"]) from "Portland Oregon", when the last words say where."""
    split = name_key(words).split()
    for count in (1, 2, 3):
        if count >= len(split):
            break
        head, tail = " ".join(split[:-count]), " ".join(split[-count:])
        if _is_area(tail) or any(_is_in(entry, tail) for entry in gazetteer.named(head)):
            return head, [tail]
    return words, []


def _is_area(text: str) -> bool:
    key = name_key(text)
    return key in _COUNTRY_KEYS or key in gazetteer.regions()


def _is_in(entry: Entry, qualifier: str) -> bool:
    """Whether the country, state, nation or county `qualifier` holds `entry`."""
    key = name_key(qualifier)
    if key in _COUNTRY_KEYS:
        return entry.country == _COUNTRY_KEYS[key]
    if gazetteer.regions().get(key) == (entry.country, entry.admin1):
        return True
    wanted = _AREA_KEYS.get(key) or area_key(qualifier)
    return bool(entry.admin2) and area_key(entry.admin2) == wanted


def _ranked(entries: list[Entry], prefer: str | None) -> list[Entry]:
    return sorted(entries, key=lambda entry: (entry.country != prefer, -entry.population))


def likeliest(entries: list[Entry], prefer: str | None, site: str | None) -> Entry:
    """The reading of a shared name to show first (the rules are the module's)."""
    ranked = sorted(entries, key=lambda entry: -entry.population)
    biggest = ranked[0]
    country, margin = (prefer, PREFERENCE_LIMIT) if prefer else (site, SITE_SIZE_MARGIN)
    home = [entry for entry in ranked if entry.country == country]
    if home and biggest.population < margin * max(home[0].population, 1):
        return home[0]
    return biggest


def _reading(text: str, matching: list[Entry], prefer: str | None, site: str | None):
    chosen = likeliest(matching, prefer, site)
    others = sorted((e for e in matching if e != chosen), key=lambda entry: -entry.population)
    offered = others[: MAX_CHOICES - 1]
    # Always offer the other side of the Atlantic when it has the name.
    for country in ("US", "GB"):
        across = [e for e in others if e.country == country]
        if across and country != chosen.country and across[0] not in offered:
            offered[-1] = across[0]
    shown_entries = [chosen, *offered]
    choices = [_choice(entry, matching) for entry in shown_entries]
    return PlaceReading(text, choices[0], tuple(choices[1:]))


def _choice(entry: Entry, entries: list[Entry]) -> PlaceChoice:
    hint = _hint(entry, entries)
    if hint == entry.label and entry.country == "US" and entry.admin1:
        name = f"{entry.name}, {gazetteer.region_name('US', entry.admin1)}"
    else:
        name = hint
    return PlaceChoice(_place(entry), name, hint)


def _hint(entry: Entry, entries: list[Entry]) -> str:
    """Text that finds `entry` among `entries`: the label, or with the county."""
    same_region = [
        other
        for other in entries
        if (other.country, other.admin1, name_key(other.name))
        == (entry.country, entry.admin1, name_key(entry.name))
    ]
    if len(same_region) == 1 or not entry.admin2:
        return entry.label
    if entry.country == "US":
        return f"{entry.name}, {entry.admin2}, {entry.admin1}"
    return f"{entry.name}, {entry.admin2}"


def _suggestion(name: str, prefer: str | None) -> str | None:
    """The best-known town one typing slip from `name`, if any."""
    key = name_key(name)
    if len(key) not in SUGGEST_LENGTHS:
        return None
    close = gazetteer.near_misses(deletions(key) | {key})
    return _ranked(close, prefer)[0].name if close else None


def _place(entry: Entry) -> Place:
    town = ""
    label = entry.label
    if entry.kind == "postcode":
        town = gazetteer.postcode_town(entry.latitude, entry.longitude)
        label = f"{entry.label}, {town}" if town else entry.label
    return Place(
        label=label,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=entry.country,  # type: ignore[arg-type]
        kind=entry.kind,  # type: ignore[arg-type]
        name=entry.name,
        admin1=entry.admin1,
        admin2=entry.admin2,
        town=town,
    )
