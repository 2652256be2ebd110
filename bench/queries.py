"""The fixed query set of the search benchmark: four classes, fixed by a seed.

- ``text``: one to three words, as people type them (titles, skills, plurals);
- ``text_facets``: words and three facets (a category that fits the words, and
  two of type of work, where the work happens and "checks after an offer");
- ``text_radius``: words and a town with a 25-mile radius;
- ``facets``: one to three facets and no words.

The facets are the ones the database answer also understands, so page and
database answer the same question; the radius is the exception, which the
database answers by place name (it has no distance), as the site does when
Elasticsearch is down.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from jobs.models import EmploymentType, Workplace

from .dataset import SEED, skewed
from .towns import resolved_towns
from .words import CATEGORIES

CLASSES = ("text", "text_facets", "text_radius", "facets")
PER_CLASS = 50
RADIUS_MILES = 25
SEARCH_PATH = "/jobs/"


@dataclass(frozen=True)
class BenchQuery:
    kind: str  # one of CLASSES
    params: tuple[tuple[str, str], ...]  # the search page's URL parameters, in order

    @property
    def url(self) -> str:
        return f"{SEARCH_PATH}?{urlencode(self.params)}"


def query_set(*, per_class: int = PER_CLASS, seed: int = SEED) -> list[BenchQuery]:
    """``per_class`` queries of each class, interleaved; the same list for the same seed."""
    rng = random.Random(f"{seed}-queries")
    makers = {
        "text": _text_only,
        "text_facets": _text_facets,
        "text_radius": _text_radius,
        "facets": _facets_only,
    }
    return [
        BenchQuery(kind, tuple(makers[kind](rng))) for _ in range(per_class) for kind in CLASSES
    ]


def _words(rng: random.Random, category: str) -> str:
    words = CATEGORIES[category]
    roll = rng.random()
    if roll < 0.45:
        # A whole title, or its last word ("operator", "driver"), in lower case.
        title = skewed(rng, words.roles).lower()
        text = title if rng.random() < 0.6 else title.split()[-1]
    elif roll < 0.75:
        text = skewed(rng, words.skills).lower()
    else:
        # A title word and a skill: "warehouse forklift", "peer mentoring".
        text = f"{skewed(rng, words.roles).split()[0].lower()} {skewed(rng, words.skills).lower()}"
    if rng.random() < 0.2 and not text.endswith("s"):
        text += "s"  # plurals: the text function must find the singular
    return " ".join(text.split()[:3])


def _category(rng: random.Random) -> str:
    return rng.choice(list(CATEGORIES))


def _text_only(rng: random.Random) -> list[tuple[str, str]]:
    return [("q", _words(rng, _category(rng)))]


def _facet_values(rng: random.Random, count: int) -> list[tuple[str, str]]:
    options = {
        "employment_type": rng.choices(EmploymentType.values, weights=(60, 20, 8, 7, 3, 2))[0],
        "workplace": rng.choices(Workplace.values, weights=(70, 18, 12))[0],
        "after_offer": "on",
    }
    chosen = rng.sample(sorted(options), k=count)
    return [(name, options[name]) for name in sorted(chosen)]


def _text_facets(rng: random.Random) -> list[tuple[str, str]]:
    category = _category(rng)
    return [("q", _words(rng, category)), ("category", category), *_facet_values(rng, 2)]


def _text_radius(rng: random.Random) -> list[tuple[str, str]]:
    country = "GB" if rng.random() < 0.25 else "US"
    town = skewed(rng, [town for town in resolved_towns() if town.country == country], power=0.7)
    return [
        ("q", _words(rng, _category(rng))),
        ("place", town.label),
        ("radius", str(RADIUS_MILES)),
    ]


def _facets_only(rng: random.Random) -> list[tuple[str, str]]:
    return [("category", _category(rng)), *_facet_values(rng, rng.randint(0, 2))]
