"""Turn what someone typed into one place: a US ZIP code, a UK postcode, or a
town with an optional state, county or country ("Portland, ME", "Cambridge UK").

Towns of the same name are ranked by population, but never across the
Atlantic by population alone: the preferred country (the person's or the
site's) comes first, and where a guess would be a coin toss the lookup asks
instead, with the likeliest choices.
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
from fairsite.places.place import Place, PlaceAmbiguous, PlaceNotFound, shown

# Longer than any place with its state and country; more is pasted by mistake.
MAX_TEXT_LENGTH = 200
# Typo suggestions only for names long enough that one slip can't make another.
SUGGEST_LENGTHS = range(4, 41)
# A town is taken over others of its name only when it is this many times
# bigger: in its own country...
HOME_DOMINANCE = 5
# ...or abroad, where a mix-up costs more (Birmingham, England is ~6 times
# Birmingham, AL: not enough; London, England is 900 times London, KY).
ABROAD_DOMINANCE = 20
# The preferred country's town yields (to a question) when one abroad is this
# many times bigger: a US user typing "London" is not asked to go to Kentucky.
PREFERENCE_LIMIT = 10
MAX_CHOICES = 5

_COUNTRY_KEYS = {name_key(words): country for words, country in COUNTRY_WORDS.items()}
_AREA_KEYS = {name_key(words): area_key(area) for words, area in AREA_WORDS.items()}
_TRAILING_ZIP = re.compile(r"[\s,]([0-9]{5})(?:-?[0-9]{4})?$")
_TRAILING_POSTCODE = re.compile(r"[\s,]([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ?[0-9][A-Z]{2})?$")
_CODE_CHARACTERS = re.compile(r"[A-Za-z0-9 -]+")
# Between a town and its state or country, people write any of these.
_SEPARATORS = re.compile(r"[,;/|]")
_ZIP_LABEL = re.compile(r"(?P<zip>[0-9]{5}) \([^()]+\)")
_ASK_FOR_A_PLACE = "Type a town or city, a ZIP code or a postcode."


def find_place(text: str, *, prefer_country: str | None = None) -> Place:
    """The one place `text` names, or PlaceNotFound / PlaceAmbiguous (and no
    other exception) saying in plain words what to type instead.

    `prefer_country` ("US" or "GB"; "UK" is read as "GB") settles a name
    found in both countries, such as Birmingham, unless the place abroad is
    far bigger; anything else means no preference.
    """
    tidy = " ".join(text.split())
    if not any(char.isalnum() for char in tidy):
        raise PlaceNotFound(text, message=_ASK_FOR_A_PLACE)
    if len(tidy) > MAX_TEXT_LENGTH:
        raise PlaceNotFound(text, message=f"That is too long for a place. {_ASK_FOR_A_PLACE}")
    prefer = {"US": "US", "GB": "GB", "UK": "GB"}.get((prefer_country or "").upper())
    # A ZIP's own label, "90210 (Beverly Hills, CA)", as forms show it when a
    # saved place is edited: it must find the same place again.
    if labelled := _ZIP_LABEL.fullmatch(tidy):
        text = tidy = labelled["zip"]
    entry = _find_code(text, tidy)
    if entry is None:
        rest = _without_trailing_code(tidy)
        entry = _find_trailing_code(tidy) or _find_town(text, rest, prefer)
    return _place(entry)


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


def _find_town(text: str, tidy: str, prefer: str | None) -> Entry:
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
        raise PlaceNotFound(text, suggestion=_suggestion(name, prefer))
    matching = [entry for entry in candidates if all(_is_in(entry, q) for q in qualifiers)]
    if not matching:
        best = _ranked(candidates, prefer)[0]
        raise PlaceNotFound(text, suggestion=best.label)
    return _pick(text, name, matching, prefer)


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


def _pick(text: str, name: str, matching: list[Entry], prefer: str | None) -> Entry:
    ranked = sorted(matching, key=lambda entry: -entry.population)
    home = [entry for entry in ranked if entry.country == prefer]
    if home:
        abroad = [entry for entry in ranked if entry.country != prefer]
        if abroad and abroad[0].population > PREFERENCE_LIMIT * home[0].population:
            raise _ambiguous(text, name, [abroad[0], *home])
        if _dominates(home[0], home[1:]):
            return home[0]
        raise _ambiguous(text, name, home)
    if _dominates(ranked[0], ranked[1:]):
        return ranked[0]
    raise _ambiguous(text, name, ranked)


def _dominates(top: Entry, others: list[Entry]) -> bool:
    for other in others:
        factor = HOME_DOMINANCE if other.country == top.country else ABROAD_DOMINANCE
        if top.population < factor * other.population:
            return False
    return True


def _ambiguous(text: str, typed_name: str, entries: list[Entry]) -> PlaceAmbiguous:
    entries = entries[:MAX_CHOICES]
    key = name_key(typed_name)
    name = next((e.name for e in entries if name_key(e.name) == key), shown(typed_name))
    return PlaceAmbiguous(
        text,
        name=name,
        choices=[_place(entry) for entry in entries],
        suggestions=[_hint(entry, entries) for entry in entries],
    )


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
    return Place(
        label=entry.label,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=entry.country,  # type: ignore[arg-type]
        kind=entry.kind,  # type: ignore[arg-type]
        name=entry.name,
        admin1=entry.admin1,
        admin2=entry.admin2,
    )
