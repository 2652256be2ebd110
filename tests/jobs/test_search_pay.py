"""Pay bands carry their currency: a $ band lists dollar jobs only, a £ band
pound jobs only, the form offers the bands of the country being searched, and
the old currency-blind bands still work for old links."""

import pytest

from jobs.search.forms import SearchForm
from jobs.search.queries import PostingQuery
from jobs.search.results import run_posting_search
from tests.factories import CandidateProfileFactory
from tests.html import parse
from tests.jobs.test_search import index, refresh  # noqa: F401 (the fixture)
from tests.jobs.test_search_places import posting_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(index):  # noqa: F811
    """A dollar job and a pound job, each 35,000 a year, in Columbus and in Leeds."""
    for place in ("Columbus, OH", "Leeds, England"):
        for currency in ("USD", "GBP"):
            posting_in(
                place,
                title=f"{currency} job in {place}",
                salary_min=30_000,
                salary_max=35_000,
                salary_period="year",
                salary_currency=currency,
            )
    refresh()


def titles(**filters) -> list[str]:
    results = run_posting_search(PostingQuery(filters=filters))
    return sorted(hit.posting.title for hit in results.hits)


def test_a_dollar_band_lists_no_pound_jobs_and_a_pound_band_no_dollar_jobs(paid):
    assert titles(salary="usd-30000") == [
        "USD job in Columbus, OH",
        "USD job in Leeds, England",
    ]
    assert titles(salary="gbp-30000") == [
        "GBP job in Columbus, OH",
        "GBP job in Leeds, England",
    ]
    assert titles(salary="usd-40000") == []
    # The old band counts both currencies, as it always did.
    assert len(titles(salary="30000")) == 4


def pay_links(page) -> dict[str, str]:
    """The page's pay choices: label (with its count) -> link."""
    return {
        " ".join(a.get_text().split()): a["href"]
        for a in page.select("nav[aria-labelledby=facet-salary] a")
    }


def listed(client, link) -> int:
    """How many jobs the page a link ("?salary=...", relative to /jobs/) lists."""
    return len(parse(client.get(f"/jobs/{link}")).select(".posting-card"))


@pytest.mark.parametrize(
    ("place", "symbol", "other"),
    [("Columbus, OH", "$", "£"), ("Leeds, England", "£", "$")],
)
def test_a_place_offers_its_countrys_currency_and_each_count_is_what_its_link_lists(
    client, paid, place, symbol, other
):
    page = parse(client.get("/jobs/", {"place": place, "radius": "25"}))

    links = pay_links(page)
    assert links, "the page offers pay bands"
    assert all(label.startswith(symbol) for label in links), links
    assert not any(other in label for label in links), links
    for label, url in links.items():
        count = int(label.rsplit("(", 1)[1].rstrip(")"))
        assert listed(client, url) == count, label


def test_without_a_place_the_visitors_country_decides_the_currency(client, paid):
    profile = CandidateProfileFactory(
        home__label="Leeds, England",
        home__region="England",
        home__country="GB",
        home__latitude=53.7965,
        home__longitude=-1.5478,
    )
    client.force_login(profile.user)

    links = pay_links(parse(client.get("/jobs/")))

    assert links
    assert all(label.startswith("£") for label in links), links


def test_with_no_country_known_both_currencies_are_offered_each_in_its_group(client, paid):
    links = pay_links(parse(client.get("/jobs/")))
    assert {label[0] for label in links} == {"$", "£"}, links
    for label, url in links.items():
        assert listed(client, url) == int(label.rsplit("(", 1)[1].rstrip(")")), label

    form = SearchForm({})
    form.is_valid()
    groups = [name for name, options in form.fields["salary"].choices if isinstance(options, list)]
    assert groups == ["US dollars ($)", "Pounds sterling (£)"]


def test_the_form_offers_dollar_bands_for_a_us_place_and_pound_bands_for_a_uk_place(index):  # noqa: F811
    for place, first in (("Columbus, OH", "usd-20000"), ("Leeds, England", "gbp-20000")):
        form = SearchForm({"place": place})
        assert form.is_valid(), form.errors
        keys = [key for key, _label in form.fields["salary"].choices]
        assert keys == [
            "",
            first,
            *(first.replace("20000", f) for f in ("30000", "40000", "60000")),
        ]


def test_an_old_link_with_a_currency_blind_band_still_works(client, paid):
    page = parse(client.get("/jobs/", {"salary": "20000"}))

    assert not page.select_one(".error-summary")
    assert len(page.select(".posting-card")) == 4
    chosen = page.select_one("nav[aria-labelledby=facet-salary] a[aria-current=true]")
    assert "20,000 or more a year ($ or £)" in chosen.get_text()


@pytest.mark.parametrize("value", ["eur-20000", "usd-25000", "usd-", "20,000", "x" * 300])
def test_a_bad_pay_value_gets_the_forms_message_not_a_500(client, paid, value):
    response = client.get("/jobs/", {"salary": value})

    assert response.status_code == 200
    page = parse(response)
    assert "Choose one of the options in the list." in page.select_one(".error-summary").get_text()
    # The search still runs without the bad filter.
    assert len(page.select(".posting-card")) == 4
