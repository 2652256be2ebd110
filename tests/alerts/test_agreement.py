"""Alerts agree with search: an alert fires for a posting exactly when running its saved
search through the search page's own query builder lists that posting.

A seeded generator makes a few hundred saved searches (words in every form,
related job titles and credentials by name, every facet, both flags, places in
both countries and radii, with and without remote jobs, empty ones) and postings
(words in titles, descriptions, skills and employer names, every facet value,
multi-place jobs around the same towns, and remote jobs open to a country or to
one state or nation), indexes them once on the real
Elasticsearch, then compares every (search, posting) pair both ways. Set
ALERTS_AGREEMENT_SEED to try another seed; a failure names it.

Some of the searches are typed as people type them (filler words, phrases read
as filters, typos, some readings turned off) and go the whole way: the search
page reads and runs them (correcting a typo that finds nothing), and the alert
is saved through the page's own "alert me" form and the alert form, which must
store exactly the search the page ran.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from django.template.loader import render_to_string

from candidates.alerts.forms import AlertForm
from candidates.alerts.models import Alert, alert_fields, assign_criteria
from candidates.alerts.search import alerts_index, alerts_matching_posting
from fairsite.search.client import get_client
from fairsite.search.indices import rebuild
from fairsite.search.synonyms import GROUP_PREFIX
from jobs.models import Category, EmploymentType, JobPosting, PostingLocation, Workplace
from jobs.search.forms import SearchForm
from jobs.search.index import postings_index
from jobs.search.pay import SALARY_BANDS
from jobs.search.queries import FACETS, FLAGS, RADII_MILES, Near, PostingQuery, posting_search
from jobs.search.recovery import search_postings
from jobs.search.understanding import ALL, KEEP_CHOICES
from tests.factories import EmployerFactory, PublishedPostingFactory, UserFactory, credential

pytestmark = pytest.mark.django_db

SEED = int(os.environ.get("ALERTS_AGREEMENT_SEED", "20261123"))
SEARCHES = 300
TYPED_SEARCHES = 120
POSTINGS = 200

# Words in several forms, so normalisation decides what matches: plurals,
# possessives, British spellings, joined prefixes, and words that must stay
# apart ("office" and "officer", "train" and "training").
WORDS = """
    warehouse warehouses operative operatives officer officers office probation peer peers
    support specialist specialists re-entry reentry case manager manager's managers counsellor
    counselor counselling driver drivers forklift cook cooks kitchen night nights shift
    mentor mentoring train training programme program licence license agency agencies box
    boxes woman women analysis analyses
""".split()  # noqa: SIM905
# Related job titles, trades in both forms and credentials by name, so the
# related-titles groups and the credentials field decide what matches too.
PHRASES = [
    "bar staff",
    "bartender",
    "barman",
    "truck driver",
    "truck driving",
    "lorry driver",
    "HGV driver",
    "forklift truck driver",
    "forklift operator",
    "shop assistant",
    "sales associate",
    "care worker",
    "caregiver",
    "carer",
    "reentry case manager",
    "resettlement worker",
    "picker packer",
    "warehouse operative",
    "line cook",
    "chef",
    "plumbing",
    "plumber",
    "painting",
    "painters",
    "roofer",
    "roofing",
    "baker",
    "bakery",
    "cleaning",
    "clean",
    "CPSCP",
    "CPORS",
    "Certified Professional in Second Chance Programs",
    "offender reentry strategies",
]
QUERY_EXTRAS = ["Officers!", "RE-ENTRY", "Manager\u2019s", "astronaut", "--", "cook cook", "2nd"]
FILLER = ["the", "a", "and", "for", "with", "our", "you", "will", "help", "team", "people"]
TOWNS = {
    "Columbus, OH": (39.9612, -82.9988),
    "Cleveland, OH": (41.4993, -81.6944),
    "Los Angeles, CA": (34.0522, -118.2437),
    "Leeds, England": (53.7965, -1.5478),
    "Glasgow, Scotland": (55.8652, -4.2576),
}
# Each town's country and state or nation, as fairsite.places reads them.
TOWN_AREAS = {
    "Columbus, OH": ("US", "OH"),
    "Cleveland, OH": ("US", "OH"),
    "Los Angeles, CA": ("US", "CA"),
    "Leeds, England": ("GB", "England"),
    "Glasgow, Scotland": ("GB", "Scotland"),
}
# Where remote postings are open to: whole countries, the towns' states and
# nations, and ones no town is in.
OPEN_TO = [("US", ""), ("US", "OH"), ("US", "CA"), ("US", "TX")]
OPEN_TO += [("GB", ""), ("GB", "England"), ("GB", "Scotland"), ("GB", "Wales")]
CHECKS = [("never", "none"), ("after_offer", "basic"), ("before_offer_by_law", "enhanced")]
CHECKS += [("after_offer", "standard"), ("before_offer_by_law", "standard")]
SALARIES = [None, (18, 21, "hour"), (25000, 31000, "year"), (3500, None, "month")]
SALARIES += [(None, 900, "week"), (40000, 65000, "year")]
CREDENTIALS = ["cpors", "cpscp", "mass-incarceration-social-services"]


def _moved(point: tuple[float, float], miles: float, rng: random.Random) -> tuple[float, float]:
    """A point about ``miles`` from ``point`` in a random direction."""
    bearing = rng.uniform(0, 2 * math.pi)
    lat = point[0] + miles * math.cos(bearing) / 69.09
    lon = point[1] + miles * math.sin(bearing) / (69.09 * math.cos(math.radians(point[0])))
    return round(lat, 6), round(lon, 6)


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(
        rng.choice(PHRASES if rng.random() < 0.3 else WORDS) for _ in range(rng.randint(low, high))
    )


def facet_values() -> dict[str, list[str]]:
    return {
        "category": [Category.WAREHOUSE, Category.PEER_SUPPORT, Category.HOSPITALITY],
        "employment_type": [EmploymentType.FULL_TIME, EmploymentType.PART_TIME],
        "workplace": Workplace.values,
        "check_level": ["none", "basic", "standard", "enhanced"],
        "credential": [*CREDENTIALS, "reentry-mental-health-services"],
        "salary": [band.key for band in SALARY_BANDS],
    }


def generate_search(rng: random.Random) -> PostingQuery:
    roll = rng.random()
    if roll < 0.15:
        text = ""
    elif roll < 0.25:
        text = rng.choice(QUERY_EXTRAS)
    elif roll < 0.27:
        text = " ".join(rng.sample(WORDS, 40))[:200]  # past the 32-word cap
    else:
        text = _words(rng, 1, 3)
    filters = {
        name: rng.choice(values) for name, values in facet_values().items() if rng.random() < 0.2
    }
    flags = frozenset(name for name in FLAGS if rng.random() < 0.2)
    near = None
    if rng.random() < 0.5:
        label, town = rng.choice(list(TOWNS.items()))
        country, region = TOWN_AREAS[label]
        near = Near(
            *_moved(town, rng.uniform(0, 30), rng),
            rng.choice(RADII_MILES),
            label,
            country=country,
            region=region,
            include_remote=rng.random() < 0.8,
        )
    return PostingQuery(text=text, near=near, filters=filters, flags=flags)


# What people type around the words: filler, and phrases read as filters.
TYPED_FILLER = ["jobs", "job", "near me", "work", "position", "hiring now", "in", "a", "vacancy"]
TYPED_INTENTS = [
    "remote", "work from home", "wfh", "hybrid", "part time", "full-time", "temporary",
    "no background check", "ban the box", "felony friendly", "second chance", "CPSCP",
    "social work", "factory work", "retail", "care", "night",
]  # fmt: skip


def _typo(word: str, rng: random.Random) -> str:
    """The word with one letter dropped or two swapped (long words only)."""
    if len(word) < 6:
        return word
    n = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:n] + word[n + 1 :]
    return word[:n] + word[n + 1] + word[n] + word[n + 2 :]


def generate_typed_search(rng: random.Random) -> QueryDict:
    """The search page's parameters as a visitor sends them."""
    parts = [rng.choice(WORDS) for _ in range(rng.randint(0, 2))]
    if parts and rng.random() < 0.3:
        parts[0] = _typo(parts[0], rng)
    parts += [rng.choice(TYPED_FILLER) for _ in range(rng.randint(0, 2))]
    parts += [rng.choice(TYPED_INTENTS) for _ in range(rng.randint(0, 2))]
    rng.shuffle(parts)
    params = QueryDict(mutable=True)
    params["q"] = " ".join(parts)
    for name, values in facet_values().items():
        if rng.random() < 0.1:
            params[name] = rng.choice(values)
    for name in FLAGS:
        if rng.random() < 0.1:
            params[name] = "on"
    if rng.random() < 0.4:
        params["place"] = rng.choice(list(TOWNS))
        params["radius"] = str(rng.choice(RADII_MILES))
    if rng.random() < 0.2:
        params.setlist("keep", rng.sample([k for k in KEEP_CHOICES if k != ALL], 2))
    elif rng.random() < 0.05:
        params["keep"] = ALL
    return params


def saved_from_page(params: QueryDict, owner) -> tuple[PostingQuery, PostingQuery, bool]:
    """(the search the page ran, the search its "alert me" form saves, corrected?)."""
    form = SearchForm(params)
    results = search_postings(form)
    # The page's own "alert me" form, as the page renders it.
    html = render_to_string(
        "alerts/includes/save_search.html",
        {"query": results.query, "keep": form.kept_readings, "user": owner},
    )
    data = QueryDict(mutable=True)
    for field in BeautifulSoup(html, "html.parser").select("input[type=hidden]"):
        if field["name"] != "csrfmiddlewaretoken":
            data.appendlist(field["name"], field["value"])
    data["frequency"] = "daily"
    alert_form = AlertForm(data)
    assert alert_form.is_valid(), (params, alert_form.errors)
    return results.query, alert_form.to_query(), bool(results.corrected_from)


def generate_postings(rng: random.Random) -> list[JobPosting]:
    employers = [
        EmployerFactory(name=name, verification_status=status)
        for name, status in [
            ("Second Start Logistics", "verified"),
            ("Peer Support Agencies", "unverified"),
            ("Night Kitchen Co-op", "verified"),
            ("Probation Office North", "unverified"),
        ]
    ]
    postings = []
    for _ in range(POSTINGS):
        workplace = rng.choice(Workplace.values)
        timing, level = rng.choice(CHECKS)
        salary = rng.choice(SALARIES)
        open_to = rng.choice(OPEN_TO) if workplace == Workplace.REMOTE else ("", "")
        posting = PublishedPostingFactory(
            open_to_country=open_to[0],
            open_to_region=open_to[1],
            employer=rng.choice(employers),
            title=_words(rng, 1, 3).title(),
            description="<p>"
            + " ".join(rng.choice(WORDS + PHRASES + FILLER * 2) for _ in range(rng.randint(0, 25)))
            + "</p>",
            skills=[rng.choice(WORDS) for _ in range(rng.randint(0, 2))],
            category=rng.choice(facet_values()["category"]),
            employment_type=rng.choice(facet_values()["employment_type"]),
            workplace=workplace,
            check_timing=timing,
            check_level=level,
            salary_min=salary[0] if salary else None,
            salary_max=salary[1] if salary else None,
            salary_period=salary[2] if salary else "",
            salary_currency=rng.choice(["USD", "GBP"]),
            located=False,
        )
        places = 0 if workplace == Workplace.REMOTE else rng.choice([1, 1, 1, 2, 3])
        for _ in range(places):
            label, town = rng.choice(list(TOWNS.items()))
            lat, lon = _moved(town, rng.uniform(0, 60), rng)
            country, region = TOWN_AREAS[label]
            PostingLocation.objects.create(
                posting=posting,
                label=label,
                country=country,
                region=region,
                latitude=lat,
                longitude=lon,
            )
        posting.required_credentials.set(
            [credential(slug) for slug in CREDENTIALS if rng.random() < 0.15]
        )
        posting.preferred_credentials.set(
            [credential(slug) for slug in CREDENTIALS if rng.random() < 0.15]
        )
        postings.append(posting)
    return postings


@dataclass(frozen=True)
class Disagreement:
    search: PostingQuery
    posting: JobPosting
    listed_by_search: bool

    def __str__(self) -> str:
        verdict = "search lists it, the alert does not fire" if self.listed_by_search else (
            "the alert fires, search does not list it"
        )  # fmt: skip
        p = self.posting
        return (
            f"{verdict}\n  search: {self.search}\n  posting {p.pk}: {p.title!r} by "
            f"{p.employer.name!r} ({'verified' if p.employer.is_verified else 'unverified'}), "
            f"skills {p.skills}, {p.category}, {p.employment_type}, {p.workplace}, "
            f"{p.check_timing}/{p.check_level}, pay {p.salary_min}-{p.salary_max} "
            f"{p.salary_period}, credentials "
            f"{sorted(c.slug for c in p.required_credentials.all())}+"
            f"{sorted(c.slug for c in p.preferred_credentials.all())}, open to "
            f"{p.open_to_country}/{p.open_to_region}, places "
            f"{[(loc.latitude, loc.longitude) for loc in p.locations.all()]}\n"
            f"  description: {p.description!r}"
        )


def listed_by_search(query: PostingQuery) -> set[int]:
    """Every posting the search page's own query builder finds for the query."""
    # The page's own request, asked for every hit instead of one page of them.
    response = posting_search(query).extra(from_=0, size=POSTINGS).execute()
    assert response.hits.total.value <= POSTINGS
    return {int(hit.meta.id) for hit in response.hits}


def test_an_alert_fires_for_a_posting_exactly_when_its_search_lists_it(es, seeded_credentials):
    rng = random.Random(SEED)
    searches = [generate_search(rng) for _ in range(SEARCHES)]
    postings = generate_postings(rng)
    typed = [generate_typed_search(rng) for _ in range(TYPED_SEARCHES)]
    owner = UserFactory()
    rebuild(postings_index)
    get_client().indices.refresh(index=postings_index.alias)

    # Typed searches go through the page and its "alert me" form.
    corrected = understood = 0
    for params in typed:
        ran, saved, was_corrected = saved_from_page(params, owner)
        assert alert_fields(saved) == alert_fields(ran), (params.urlencode(), ran, saved)
        searches.append(saved)
        corrected += was_corrected
        understood += saved.text != " ".join(params["q"].split())
    assert corrected >= 3, corrected
    assert understood >= TYPED_SEARCHES // 3, understood

    alerts = [
        Alert(owner=owner, name=f"search {n}", **alert_fields(query))
        for n, query in enumerate(searches)
    ]
    assign_criteria(alerts)
    alerts = Alert.objects.bulk_create(alerts)
    rebuild(alerts_index)
    get_client().indices.refresh(index=f"{postings_index.alias},{alerts_index.alias}")

    # The saved search as the site reads it back, run on the search page's builder.
    expected = {
        alert.pk: listed_by_search(Alert.objects.get(pk=alert.pk).query) for alert in alerts
    }
    fired = {posting.pk: set(alerts_matching_posting(posting)) for posting in postings}

    by_id = {alert.pk: query for alert, query in zip(alerts, searches, strict=True)}
    disagreements = [
        Disagreement(by_id[alert_id], posting, listed_by_search=alert_id not in fired[posting.pk])
        for posting in postings
        for alert_id in by_id
        if (posting.pk in expected[alert_id]) != (alert_id in fired[posting.pk])
    ]
    if disagreements:
        shown = "\n".join(str(d) for d in disagreements[:5])
        pytest.fail(
            f"{len(disagreements)} disagreements (seed {SEED}); the first ones:\n{shown}",
            pytrace=False,
        )
    _assert_the_sample_means_something(searches, expected, by_id, postings)


def _assert_the_sample_means_something(searches, expected, by_id, postings) -> None:
    """Each kind of criterion both matched and excluded postings, so agreement is not luck."""
    pairs = sum(len(found) for found in expected.values())
    assert POSTINGS < pairs < len(searches) * POSTINGS // 2, pairs
    # Remote postings were both listed and left out by place searches, in both
    # countries, and by searches open to remote jobs.
    remote = {p.pk: p.open_to_country for p in postings if p.workplace == Workplace.REMOTE}
    for country in ("US", "GB"):
        placed = [
            alert_id
            for alert_id, query in by_id.items()
            if query.near is not None
            and query.near.include_remote
            and query.near.country == country
        ]
        listed = {pk for alert_id in placed for pk in expected[alert_id] if pk in remote}
        assert listed, f"no remote posting was listed by a place search in {country}"
        assert any(set(remote) - expected[alert_id] for alert_id in placed), (
            f"no place search in {country} left a remote posting out"
        )
    for kind, has in {
        "words": lambda q: bool(q.terms),
        "related titles": lambda q: any(term.startswith(GROUP_PREFIX) for term in q.terms),
        "place": lambda q: q.near is not None,
        **{name: (lambda q, name=name: name in q.filters) for name in FACETS},
        **{name: (lambda q, name=name: name in q.flags) for name in FLAGS},
    }.items():
        with_it = [alert_id for alert_id, query in by_id.items() if has(query)]
        assert any(expected[alert_id] for alert_id in with_it), f"no {kind} search matched"
        assert any(len(expected[alert_id]) < len(postings) for alert_id in with_it), (
            f"no {kind} search excluded anything"
        )
