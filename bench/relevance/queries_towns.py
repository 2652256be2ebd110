"""Queries with a place, continued: reentry work and wishes near a place, and a
town, ZIP or postcode typed with no job words at all.

Same conventions as ``queries_places``; graded on 2026-12-06 from the postings'
texts and the distances between their towns, before the set was first run.
"""

from .queries_intents import NO_CHECK, SECOND_CHANCE
from .queries_places import BIRMINGHAM, GLASGOW, RICHMOND, P
from .shapes import JudgedQuery, form, graded

Q = JudgedQuery
# Within 25 miles of Chicago, checking never or only after an offer.
CHICAGO_AREA = {"kit-us-01", "kit-us-06", "kit-us-11", "cm-us-07", "cm-us-08", "wh-us-01",
                "wh-us-02", "wh-us-04", "wh-us-05", "wh-us-08", "wh-us-10", "wh-us-13",
                "drv-us-08", "ret-us-08", "mh-us-03"}  # fmt: skip
# Within 25 miles of Glasgow, Scotland, or remote and open to it.
GLASGOW_AREA = {"kit-uk-01", "kit-uk-02", "kit-uk-04", "kit-uk-06", "kit-uk-07", "kit-uk-08",
                "bak-uk-02", "con-uk-04", "con-uk-06", "con-uk-09", "con-uk-12", "con-uk-14",
                "ret-uk-02", "ret-uk-06", "ret-uk-08", "ret-uk-09"}  # fmt: skip


def within(grades: dict[str, int], keys: set[str]) -> dict[str, int]:
    """The grades of the postings among `keys` (those near the place)."""
    return {key: grade for key, grade in grades.items() if key in keys}


QUERIES = [
    # Reentry work near a place
    Q(
        "probation-officer-richmond",
        form("probation officer", "Richmond"),
        "Richmond alone; Petersburg is 23 miles away.",
        graded(three=["rp-us-01", "rp-us-02"], two=["rp-us-04"]),
        meant_place=RICHMOND,
        kind=P,
    ),
    Q(
        "peer-specialist-philadelphia",
        form("peer specialist jobs", "Philadelphia"),
        "Remote work open to Pennsylvania counts here.",
        graded(three=["peer-us-01", "peer-us-02"], two=["peer-us-03", "peer-us-06", "peer-us-04"]),
        meant_place="Philadelphia, PA",
        kind=P,
    ),
    Q(
        "mental-health-baltimore",
        form("mental health jobs", "Baltimore"),
        "Remote work open to Maryland counts here.",
        graded(three=["mh-us-01", "mh-us-04"], two=["mh-us-06", "mh-us-03"], one=["peer-us-05"]),
        meant_place="Baltimore, MD",
        kind=P,
    ),
    Q(
        "reentry-jobs-oakland",
        form("reentry jobs", "Oakland, CA"),
        "Remote work open to California counts here.",
        graded(
            three=["cm-us-01", "cm-us-04", "cm-us-06", "cm-us-03"],
            two=["cm-us-08"],
            one=["mh-us-03"],
        ),
        meant_place="Oakland, CA",
        kind=P,
    ),
    Q(
        "resettlement-glasgow",
        form("resettlement", "Glasgow"),
        "A remote job open to England only must not show.",
        graded(two=["rs-uk-06", "rs-uk-07"], one=["rs-uk-10"]),
        meant_place=GLASGOW,
        kind=P,
    ),
    # Wishes near a place
    Q(
        "remote-jobs-sacramento",
        form("remote jobs", "Sacramento, CA"),
        "Remote work open to California or the whole US; not to other states.",
        graded(three=["ret-us-08", "cm-us-03", "cm-us-08", "mh-us-03"]),
        meant_place="Sacramento, CA",
        kind=P,
    ),
    Q(
        "remote-glasgow",
        form("remote", "Glasgow"),
        "Remote work open to Scotland or the whole UK.",
        graded(three=["ret-uk-08", "ret-uk-09", "rs-uk-10"]),
        meant_place=GLASGOW,
        kind=P,
    ),
    Q(
        "work-from-home-philadelphia",
        form("work from home", "Philadelphia"),
        "Remote work open to Pennsylvania or the US.",
        graded(three=["peer-us-04", "ret-us-08", "cm-us-08", "mh-us-03"]),
        meant_place="Philadelphia, PA",
        kind=P,
    ),
    Q(
        "part-time-glasgow",
        form("part time", "Glasgow"),
        "A type of work near a place.",
        graded(three=["kit-uk-08", "kit-uk-04"]),
        meant_place=GLASGOW,
        kind=P,
    ),
    Q(
        "second-chance-chicago",
        form("second chance", "Chicago"),
        "Fair-chance employers near Chicago, and remote work open to the US.",
        within(SECOND_CHANCE, CHICAGO_AREA),
        meant_place="Chicago, IL",
        kind=P,
    ),
    Q(
        "no-background-check-glasgow",
        form("no background check", "Glasgow"),
        "Employers who never check, near Glasgow.",
        within(NO_CHECK, GLASGOW_AREA),
        meant_place=GLASGOW,
        kind=P,
    ),
    # A place and nothing else
    Q(
        "glasgow",
        form("", "Glasgow"),
        "Glasgow alone, no words: Scotland's city, with Paisley next to it.",
        graded(
            three=[
                "kit-uk-01",
                "kit-uk-02",
                "kit-uk-06",
                "kit-uk-08",
                "con-uk-04",
                "con-uk-06",
                "con-uk-09",
                "con-uk-14",
                "ret-uk-02",
                "ret-uk-06",
                "bak-uk-02",
                "rs-uk-06",
                "rs-uk-07",
                "drv-uk-03",
            ],
            two=["kit-uk-04", "kit-uk-07", "con-uk-12", "drv-uk-06"],
            one=["ret-uk-08", "ret-uk-09", "rs-uk-10"],
        ),
        meant_place=GLASGOW,
        kind=P,
    ),
    Q(
        "birmingham",
        form("", "Birmingham"),
        "Birmingham alone: England's city, with Wolverhampton next to it.",
        graded(
            three=[
                "wh-uk-03",
                "wh-uk-06",
                "wh-uk-10",
                "care-uk-01",
                "care-uk-05",
                "drv-uk-01",
                "ret-uk-04",
                "bar-uk-01",
                "bar-uk-05",
                "rs-uk-02",
                "rs-uk-05",
            ],
            two=["wh-uk-04", "care-uk-07"],
            one=["ret-uk-09", "rs-uk-08", "rs-uk-10"],
        ),
        meant_place=BIRMINGHAM,
        kind=P,
    ),
    Q(
        "richmond",
        form("", "Richmond"),
        "Richmond alone: Virginia's, the biggest.",
        graded(
            three=["ret-us-01", "ret-us-06", "rp-us-01", "rp-us-04"],
            two=["rp-us-02"],
            one=["ret-us-08", "cm-us-08", "mh-us-03"],
        ),
        meant_place=RICHMOND,
        kind=P,
    ),
    Q(
        "jobs-19104",
        form("jobs", "19104", 10),
        "Only a filler word and a Philadelphia ZIP.",
        graded(
            three=[
                "con-us-01",
                "con-us-02",
                "con-us-03",
                "con-us-04",
                "con-us-13",
                "con-us-16",
                "kit-us-02",
                "kit-us-08",
                "peer-us-01",
                "peer-us-02",
                "peer-us-03",
                "peer-us-06",
            ],
            one=["ret-us-08", "cm-us-08", "mh-us-03", "peer-us-04"],
        ),
        meant_place="19104",
        kind=P,
    ),
    Q(
        "jobs-hiring-glasgow-ky",
        form("jobs hiring", "Glasgow, KY"),
        "Filler words and the small Glasgow, named in full.",
        graded(
            three=["drv-us-03", "drv-us-07", "ct-us-01", "ct-us-04"],
            one=["ret-us-08", "cm-us-08", "mh-us-03"],
        ),
        meant_place="Glasgow, KY",
        kind=P,
    ),
]
