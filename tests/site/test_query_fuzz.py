"""Every page that reads its address's query string answers anything typed into it
without a server error: the search boxes, their filters and page numbers.

Hypothesis sends each page its own parameters (taken from the page's form, so a
field added later is fuzzed too) and made-up ones, with values chosen to break
parsers: quotes, query syntax, huge and negative numbers, control characters,
repeated parameters and raw bytes that are not UTF-8. Searches run against the
real Elasticsearch, and against the database when Elasticsearch is down.
"""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cms.demo import load_home_page
from cms.forms import EmployerDirectoryForm, GuideFilterForm, SiteSearchForm
from jobs.search.forms import SearchForm
from jobs.widget import WidgetForm
from tests.cms.factories import (
    CareerPathIndexPageFactory,
    CareerPathPageFactory,
    CredentialIndexPageFactory,
    CredentialPageFactory,
    EmployerDirectoryPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
)
from tests.factories import (
    CandidateProfileFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)

pytestmark = pytest.mark.django_db

# Values that have broken search boxes somewhere: query syntax of SQLite's FTS5,
# PostgreSQL's tsquery, Lucene and Elasticsearch's simple_query_string, numbers
# at and past every limit, and characters that are not text.
TRICKY = [
    '6"',
    '"',
    '"""',
    'a "b',
    "'",
    "''",
    "\\",
    "*",
    "-",
    "+",
    "(",
    ")",
    "()",
    "[",
    "{",
    "}",
    "~",
    "^",
    ":",
    "/",
    "?",
    "!",
    "&",
    "|",
    "&&",
    "||",
    "<",
    ">",
    "%",
    "%%",
    "_",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "a OR",
    "NOT a",
    "title:x",
    "a*",
    "*a",
    "x~2",
    "a^3",
    "/re.*/",
    "0",
    "-1",
    "1.5",
    "1e309",
    "nan",
    "inf",
    "99999999999999999999999",
    "-99999999999999999999999",
    " ",
    "\t",
    "\x00",
    "a\x00b",
    "\u200b",
    "\ufeff",
    "\u202e",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "\U0001d49c",  # a mathematical script capital A
    "😀",
    "SW1A 1AA",
    "90210",
    "Birmingham",
    "x" * 201,
    "a " * 150,
]

NAMES = st.sampled_from(["q", "page", "sort", "place", "radius", "near", "x", "format", "next"])


def values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(TRICKY),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
        st.integers().map(str),
        st.lists(st.sampled_from(TRICKY), min_size=2, max_size=4).map(" ".join),
    )


def parameters(names: list[str]) -> st.SearchStrategy[dict[str, list[str]]]:
    """A query: some of the page's own parameters and made-up ones, some repeated."""
    return st.dictionaries(
        st.one_of(st.sampled_from(names), NAMES),
        st.lists(values(), min_size=1, max_size=2),
        max_size=len(names) + 2,
    )


def raw_queries() -> st.SearchStrategy[str]:
    """A query string as bytes on the wire: percent-encoded junk, often not UTF-8."""
    return st.one_of(
        st.binary(max_size=40).map(lambda raw: "q=" + quote_from_bytes(raw)),
        st.sampled_from(["q=%", "q=%ZZ", "q=%FF%FE", "=&&=", "q&q", "page=%00", "q=%C0%AF"]),
    )


def fields(form_class) -> list[str]:
    return list(form_class.base_fields)


SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Queries that were server errors once, tried on every page before the fuzzing:
# an odd double quote in the site search (SQLite's full-text syntax), a control
# character in a feed's title (XML 1.0).
FOUND = [{"q": ['6"']}, {"q": ["a\x0bb"]}, "q=%22&q=%01", "q=%00&status=%00&page=%00"]


def fuzz(strategy):
    """The test body, run for every example of `strategy` and every query in FOUND."""

    def decorate(body):
        run = given(query=strategy)(body)
        for query in reversed(FOUND):
            run = example(query=query)(run)
        return SETTINGS(run)

    return decorate


def assert_answers(client: Client, path: str, query: dict | str) -> None:
    raw = isinstance(query, str)
    response = client.get(f"{path}?{query}") if raw else client.get(path, query)
    assert response.status_code < 500, (path, query, response.status_code)


@pytest.fixture
def pages(seeded_credentials):
    """The public pages that read their query string, with a posting to find."""
    home = load_home_page()
    guides = GuideIndexPageFactory(parent=home)
    GuidePageFactory(parent=guides)
    credentials = CredentialIndexPageFactory(parent=home)
    cpors = CredentialPageFactory(parent=credentials, credential=credential("cpors"))
    careers = CareerPathIndexPageFactory(parent=home)
    career = CareerPathPageFactory(parent=careers)
    directory = EmployerDirectoryPageFactory(parent=home)
    employer = VerifiedEmployerFactory()
    PublishedPostingFactory(employer=employer, title='6" forklift driver (night shift)')
    return {
        "search": ("/search/", fields(SiteSearchForm)),
        "jobs": ("/jobs/", fields(SearchForm)),
        "suggest": ("/jobs/suggest/", ["q"]),
        "widget": ("/widget/jobs/", fields(WidgetForm)),
        "jobs feed": ("/feeds/jobs.atom", fields(SearchForm)),
        "jobs feed rss": ("/feeds/jobs.rss", fields(SearchForm)),
        "directory": (directory.url, fields(EmployerDirectoryForm)),
        "guides": (guides.url, fields(GuideFilterForm)),
        "credentials": (credentials.url, ["q", "page"]),
        "credential": (cpors.url, ["q", "page"]),
        "credential feed": ("/feeds/credentials/cpors.atom", ["q", "page"]),
        "career path": (career.url, ["q", "page"]),
        "employer": (f"/employers/{employer.slug}/", ["q", "page"]),
        "home": (home.url, ["q"]),
        "employer feed": (f"/feeds/employers/{employer.slug}.atom", ["q", "page"]),
    }


PUBLIC = [
    "search",
    "jobs",
    "suggest",
    "widget",
    "jobs feed",
    "jobs feed rss",
    "directory",
    "guides",
    "credentials",
    "credential",
    "credential feed",
    "career path",
    "employer",
    "home",
    "employer feed",
]


@pytest.fixture
def site(market, pages):
    """The same pages, with postings in the real Elasticsearch."""
    return pages


def test_the_odd_double_quote_that_broke_the_site_search_finds_pages_and_jobs(client, site):
    GuidePageFactory(parent=load_home_page(), title='The 6" rule', slug="six-inch-rule")

    response = client.get("/search/", {"q": '6"'})

    assert response.status_code == 200
    text = response.content.decode()
    assert "The 6&quot; rule" in text or 'The 6" rule' in text


@pytest.mark.parametrize("name", PUBLIC)
def test_public_query_strings_never_cause_a_server_error(client, site, name):
    path, names = site[name]

    @fuzz(st.one_of(parameters(names), raw_queries()))
    def run(query):
        assert_answers(client, path, query)

    run()


@pytest.mark.parametrize("name", ["search", "jobs", "jobs feed", "directory"])
def test_with_elasticsearch_down_the_database_search_never_fails_either(client, pages, name):
    # Without the es fixture the test settings point at a port where nothing listens.
    path, names = pages[name]

    @fuzz(parameters(names))
    def run(query):
        assert_answers(client, path, query)

    run()


SIGNED_IN = [
    ("owner", "/hire/{slug}/", ["status", "q"]),
    ("owner", "/hire/{slug}/billing/buy/", ["product", "posting", "next"]),
    ("seeker", "/profile/experience/", ["add"]),
    ("seeker", "/jobs/", fields(SearchForm)),
]


@pytest.mark.parametrize(("who", "path", "names"), SIGNED_IN)
def test_signed_in_pages_with_query_strings_never_cause_a_server_error(
    client, site, who, path, names
):
    owner = OwnerFactory()
    users = {"owner": owner.user, "seeker": CandidateProfileFactory().user}
    client.force_login(users[who])
    path = path.format(slug=owner.employer.slug)

    @fuzz(st.one_of(parameters(names), raw_queries()))
    def run(query):
        assert_answers(client, path, query)

    run()
