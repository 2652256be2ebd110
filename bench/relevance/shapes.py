"""The shapes of the judged set: an employer, a posting, a visitor's query.

Plain values, no database: ``loading`` writes them through the site's own
services, ``run`` measures the search page on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Where a posting is in its life. Only "published" is live; the rest must never
# appear in a search ("expired" is published, then past its closing date).
LIVE = "published"
NOT_LIVE = ("draft", "pending_review", "closed", "filled", "expired")

DEFAULT_RADIUS = 25  # the search form's own default, in miles


@dataclass(frozen=True)
class JudgedEmployer:
    key: str
    name: str
    industry: str
    country: str  # "US" or "GB"
    check_timing: str
    check_level: str
    about: str
    verified: bool = True


@dataclass(frozen=True)
class JudgedPosting:
    """One posting as its employer typed it.

    `places` are typed as the employer would (a town with its state or nation,
    or a postcode alone). A remote posting has `open_to`: {"country": "US"},
    {"country": "US", "region": "CA"} (a state's postal code) or
    {"country": "GB", "region": "Scotland"} (a UK nation).
    """

    key: str
    employer: str
    title: str
    category: str
    places: tuple[str, ...]
    body: str
    employment_type: str = "full_time"
    workplace: str = "on_site"
    open_to: dict = field(default_factory=dict)
    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()  # jobs.models.DUTIES keys
    pay: tuple[float, float, str] | None = None
    status: str = LIVE


@dataclass(frozen=True)
class JudgedQuery:
    """What a visitor typed, as the search form sends it, and the grades given to it.

    `grades` maps posting keys to 3 (ideal), 2 (good) or 1 (plausible);
    a posting left out is graded 0. `meant_place` is the place the visitor
    meant (fully named), for the rule that nothing outside the radius appears
    unless it is remote and open to that place; empty when no place was typed.
    """

    key: str
    params: dict[str, str]
    why: str
    grades: dict[str, int]
    meant_place: str = ""
    kind: str = "words"  # what it tests: words, typo, intent, place, reentry

    @property
    def radius(self) -> int:
        return int(self.params.get("radius") or DEFAULT_RADIUS)


def form(q: str = "", place: str = "", radius: int = DEFAULT_RADIUS, **more: str) -> dict:
    """The GET parameters the search form sends: the words, the place, the distance
    (its menu always sends one), and any filter a visitor chose."""
    return {"q": q, "place": place, "radius": str(radius), **more}


def graded(three=(), two=(), one=()) -> dict[str, int]:
    """Grades from lists of posting keys; a key in two lists is a mistake in the set."""
    grades: dict[str, int] = {}
    for grade, keys in ((3, three), (2, two), (1, one)):
        for key in keys:
            if key in grades:
                raise ValueError(f"{key} is graded twice")
            grades[key] = grade
    return grades
