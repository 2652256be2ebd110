"""Places on the search page against the real Elasticsearch: a name several
places share is searched with its radius as the likeliest place, the others
offered as links; remote jobs open to the place are listed with the rest."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from fairsite.places import find_place
from jobs.models import Category, Workplace
from jobs.search.queries import PostingQuery
from jobs.search.results import run_posting_search
from tests.factories import CandidateProfileFactory, PublishedPostingFactory, UserFactory
from tests.html import parse
from tests.jobs.test_search import refresh

pytestmark = pytest.mark.django_db


def posting_in(text: str, title: str | None = None, **fields):
    """A live posting at the place `text` names exactly."""
    place = find_place(text)
    return PublishedPostingFactory(
        title=title or f"Job in {place.label}",
        located=place.label,
        located__locality=place.name,
        located__region=place.admin1,
        located__country=place.country,
        located__latitude=place.latitude,
        located__longitude=place.longitude,
        **fields,
    )


def remote_posting(title: str, country: str, region: str = ""):
    return PublishedPostingFactory(
        title=title,
        workplace=Workplace.REMOTE,
        open_to_country=country,
        open_to_region=region,
        located=False,
    )


def page_titles(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".posting-card__title a")]


def reading_line(page):
    line = page.select_one(".place-reading")
    return line.get_text(" ", strip=True) if line else ""


def other_readings(page) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in page.select(".place-reading a")}


# A name several places share ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "chosen", "other", "other_place"),
    [
        # Size decides when one is far bigger: Glasgow, Scotland (626k) over Kentucky (14k)...
        ("Glasgow", "Glasgow, Scotland", "Glasgow, Kentucky", "Glasgow, KY"),
        # ...and Birmingham, England (1.16M) over Alabama (196k), with the site's country US.
        ("Birmingham", "Birmingham, England", "Birmingham, Alabama", "Birmingham, AL"),
        # Between towns of comparable size, the site's country (US) decides.
        ("Cambridge", "Cambridge, Massachusetts", "Cambridge, England", "Cambridge, England"),
        ("Richmond", "Richmond, Virginia", "Richmond, Greater London", "Richmond, Greater London"),
    ],
)
def test_a_shared_name_is_searched_as_the_likeliest_place_with_its_radius(
    client, index, settings, typed, chosen, other, other_place
):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in(chosen.split(",")[0] + ", " + find_place(chosen).admin1, title="Here")
    posting_in(other_place, title="There")
    refresh()

    page = parse(client.get("/jobs/", {"place": typed}))

    assert page_titles(page) == ["Here"]
    assert not page.select(".field-error")
    assert reading_line(page).startswith(f"Showing {chosen}")
    # The other reading is a link that runs the search again with it, and names it alone.
    link = other_readings(page)[other]
    again = parse(client.get(f"/jobs/{link}"))
    assert page_titles(again) == ["There"]
    assert reading_line(again) == ""
    assert again.select_one("input[name=place]")["value"] == other_place


def test_the_visitors_profile_country_decides_a_shared_name(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in("Cambridge, England", title="English Cambridge")
    posting_in("Cambridge, MA", title="Massachusetts Cambridge")
    refresh()
    profile = CandidateProfileFactory(
        home__label="Leeds, England",
        home__region="England",
        home__country="GB",
        home__latitude=53.7965,
        home__longitude=-1.5478,
    )
    client.force_login(profile.user)

    page = parse(client.get("/jobs/", {"place": "Cambridge"}))

    assert page_titles(page) == ["English Cambridge"]
    assert "Cambridge, Massachusetts" in other_readings(page)
    # A place they have just chosen says more than where they live.
    chosen = parse(client.get("/jobs/", {"place": "Cambridge", "place_country": "US"}))
    assert page_titles(chosen) == ["Massachusetts Cambridge"]


def test_a_place_the_visitor_chose_is_remembered_for_the_next_shared_name(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in("Cambridge, England", title="English Cambridge")
    posting_in("Cambridge, MA", title="Massachusetts Cambridge")
    refresh()

    first = parse(client.get("/jobs/", {"place": "Richmond"}))
    link = other_readings(first)["Richmond, Greater London"]
    assert "place_country=GB" in link
    chosen = parse(client.get(f"/jobs/{link}"))
    # The search form carries the choice on to the next search.
    carried = chosen.select_one("form[role=search] input[name=place_country]")["value"]
    assert carried == "GB"

    page = parse(client.get("/jobs/", {"place": "Cambridge", "place_country": carried}))

    assert page_titles(page) == ["English Cambridge"]
    # A made-up country is no country: the site's rules read the name.
    made_up = parse(client.get("/jobs/", {"place": "Cambridge", "place_country": "Narnia"}))
    assert page_titles(made_up) == ["Massachusetts Cambridge"]
    assert not made_up.select(".field-error")


def test_a_saved_search_keeps_the_place_it_was_read_as(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    client.force_login(UserFactory())
    refresh()

    page = parse(client.get("/jobs/", {"place": "Glasgow", "q": "cook"}))

    assert page.select_one("#job-alert form input[name=place]")["value"] == "Glasgow, Scotland"


@pytest.mark.parametrize(
    ("words", "chosen"),
    [
        # Cambridge, England (146k) and Cambridge, MA (110k) are of a size: the
        # site's country (US) decides, unless the words are distinctly British.
        ("carer", "Cambridge, England"),
        ("HGV driver", "Cambridge, England"),
        ("labourer", "Cambridge, England"),
        ("caregiver", "Cambridge, Massachusetts"),
        ("cook", "Cambridge, Massachusetts"),
        # Words of both countries say nothing.
        ("carer or caregiver", "Cambridge, Massachusetts"),
    ],
)
def test_distinctly_british_or_american_words_read_a_shared_name_of_towns_of_a_size(
    client, index, settings, words, chosen
):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    refresh()

    page = parse(client.get("/jobs/", {"q": words, "place": "Cambridge"}))

    assert reading_line(page).startswith(f"Showing {chosen}")
    other = next(name for name in other_readings(page) if name.startswith("Cambridge, "))
    assert other != chosen
    # Size still wins over the words: Birmingham, England is six times Alabama's.
    birmingham = parse(client.get("/jobs/", {"q": "caregiver", "place": "Birmingham"}))
    assert reading_line(birmingham).startswith("Showing Birmingham, England")


def test_the_visitors_own_country_wins_over_their_words(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    refresh()
    params = {"q": "carer", "place": "Cambridge", "place_country": "US"}
    chosen = parse(client.get("/jobs/", params))
    assert reading_line(chosen).startswith("Showing Cambridge, Massachusetts")
    profile = CandidateProfileFactory(
        home__label="Lowell, MA",
        home__region="MA",
        home__country="US",
        home__latitude=42.6334,
        home__longitude=-71.3162,
    )
    client.force_login(profile.user)

    page = parse(client.get("/jobs/", {"q": "carer", "place": "Cambridge"}))

    assert reading_line(page).startswith("Showing Cambridge, Massachusetts")


def test_a_place_read_by_size_that_finds_nothing_gives_way_to_the_words_country(
    client, index, settings
):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in("Richmond, Greater London", title="Carer")
    posting_in("Richmond, CA", title="Caregiver")
    posting_in("Richmond, VA", title="Cook")
    refresh()
    client.force_login(UserFactory())  # signed in, with no profile: no country

    # Richmond, Virginia is ten times Richmond, London: size reads it first.
    page = parse(client.get("/jobs/", {"q": "carer", "place": "Richmond"}))

    assert page_titles(page) == ["Carer"]
    said = page.select_one(".place-found-nothing").get_text(" ", strip=True)
    assert said == (
        "No jobs for “carer” within 25 miles of Richmond, Virginia, "
        "so we looked in the other places with that name."
    )
    assert reading_line(page).startswith("Showing Richmond, Greater London")
    # An alert saved from this page is for the place it shows.
    assert page.select_one("#job-alert form input[name=place]")["value"] == "Richmond, England"
    # The reading by size is a link: chosen, it is searched as it is.
    virginia = parse(client.get(f"/jobs/{other_readings(page)['Richmond, Virginia']}"))
    assert page_titles(virginia) == []
    assert not virginia.select(".place-found-nothing")
    assert reading_line(virginia) == ""
    # Words that find something at the reading by size keep it.
    cook = parse(client.get("/jobs/", {"q": "cook", "place": "Richmond"}))
    assert page_titles(cook) == ["Cook"]
    assert reading_line(cook).startswith("Showing Richmond, Virginia")


def test_words_that_say_no_country_never_move_the_place(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in("Richmond, Greater London", title="Cleaner")
    posting_in("Richmond, CA", title="Cleaner")
    refresh()

    page = parse(client.get("/jobs/", {"q": "cleaner", "place": "Richmond"}))

    assert page_titles(page) == []
    assert not page.select(".place-found-nothing")
    assert reading_line(page).startswith("Showing Richmond, Virginia")


def test_a_place_read_in_the_visitors_own_country_is_never_changed(client, index, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    posting_in("Richmond, Greater London", title="Carer")
    refresh()
    chosen = parse(client.get("/jobs/", {"q": "carer", "place": "Richmond", "place_country": "US"}))
    profile = CandidateProfileFactory(
        home__label="Norfolk, VA",
        home__region="VA",
        home__country="US",
        home__latitude=36.8468,
        home__longitude=-76.2852,
    )
    client.force_login(profile.user)

    lives_there = parse(client.get("/jobs/", {"q": "carer", "place": "Richmond"}))

    for page in (chosen, lives_there):
        assert page_titles(page) == []
        assert not page.select(".place-found-nothing")
    assert reading_line(lives_there).startswith("Showing Richmond, Virginia")


# Remote jobs open to the place ------------------------------------------------------


@pytest.fixture
def remote_and_local(index):
    posting_in("Columbus, OH", title="In Columbus")
    remote_posting("Anywhere in the US", "US")
    remote_posting("Only in Ohio", "US", "OH")
    remote_posting("Only in California", "US", "CA")
    remote_posting("Anywhere in the UK", "GB")
    remote_posting("Only in Scotland", "GB", "Scotland")
    refresh()


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Columbus, OH", {"In Columbus", "Anywhere in the US", "Only in Ohio"}),
        ("90210", {"Anywhere in the US", "Only in California"}),
        ("Glasgow, Scotland", {"Anywhere in the UK", "Only in Scotland"}),
        ("E1", {"Anywhere in the UK"}),
    ],
)
def test_a_place_search_lists_remote_jobs_open_to_that_place_and_no_others(
    client, remote_and_local, place, expected
):
    page = parse(client.get("/jobs/", {"place": place}))

    assert set(page_titles(page)) == expected
    remote_cards = [
        card.select_one(".posting-card__title a").get_text(strip=True)
        for card in page.select(".posting-card")
        if card.select_one(".badge--remote")
    ]
    assert set(remote_cards) == expected - {"In Columbus"}


def test_remote_jobs_rank_with_the_rest_by_their_words(client, remote_and_local):
    remote_posting("Reentry cook", "US")
    posting_in("Columbus, OH", title="Line cook", description="<p>Cook breakfast.</p>")
    refresh()

    results = run_posting_search(PostingQuery(text="reentry cook", near=_near("Columbus, OH")))

    assert results.hits[0].posting.title == "Reentry cook"


def test_a_place_alone_lists_the_nearest_first_the_newer_among_equals_then_remote_jobs(
    client, index
):
    now = timezone.now()
    remote_posting("Remote, open to the US", "US")  # the newest of all
    posting_in("Delaware, OH", title="24 miles away", published_at=now - timedelta(hours=1))
    posting_in("Westerville, OH", title="12 miles away", published_at=now - timedelta(days=2))
    posting_in("Columbus, OH", title="Here, older", published_at=now - timedelta(days=20))
    posting_in("Columbus, OH", title="Here, newer", published_at=now - timedelta(days=10))
    refresh()
    nearest_first = ["Here, newer", "Here, older", "12 miles away", "24 miles away"]

    page = parse(client.get("/jobs/", {"place": "Columbus, OH"}))
    # Filler words only, or a kind of work read as its category: still no words to rank by.
    filler = parse(client.get("/jobs/", {"q": "jobs near me", "place": "Columbus, OH"}))

    assert page_titles(page) == [*nearest_first, "Remote, open to the US"]
    assert page_titles(filler) == page_titles(page)
    # Newest first is still a choice, and without a place the newest come first.
    newest = parse(client.get("/jobs/", {"place": "Columbus, OH", "sort": "newest"}))
    assert page_titles(newest)[:2] == ["Remote, open to the US", "24 miles away"]
    assert page_titles(parse(client.get("/jobs/")))[0] == "Remote, open to the US"


def test_a_kind_of_work_at_a_place_lists_the_nearest_first(client, index):
    now = timezone.now()
    posting_in("Westerville, OH", title="Cashier", category=Category.RETAIL, published_at=now)
    posting_in(
        "Columbus, OH",
        title="Sales associate",
        category=Category.RETAIL,
        published_at=now - timedelta(days=5),
    )
    posting_in("Columbus, OH", title="Cook", category=Category.HOSPITALITY, published_at=now)
    refresh()

    page = parse(client.get("/jobs/", {"q": "retail jobs", "place": "Columbus, OH"}))

    assert page_titles(page) == ["Sales associate", "Cashier"]


def test_hiding_remote_jobs_leaves_only_jobs_within_the_distance_with_exact_counts(
    client, remote_and_local
):
    shown = parse(client.get("/jobs/", {"place": "Columbus, OH"}))
    hide = shown.select_one(".place-remote a")
    assert hide.get_text(strip=True) == "Hide remote jobs"

    hidden = client.get(f"/jobs/{hide['href']}")
    page = parse(hidden)

    assert "hide_remote=on" in hide["href"]
    assert page_titles(page) == ["In Columbus"]
    assert page.select_one("input[name=hide_remote]")["value"] == "on"
    # Every facet count is the number of results its link leads to, here and
    # on each page a link leads to (a place and a chosen facet, no words: the
    # choice narrows the query, and the chosen facet counts apart).
    for link in page.select(".facet a"):
        count = int(re.search(r"\((\d+)\)", link.get_text()).group(1))
        chosen = client.get(f"/jobs/{link['href']}")
        assert chosen.context["results"].total == count
        # (A chosen value's link takes its choice away: its count is not that page's.)
        for further in parse(chosen).select(".facet a:not([aria-current])"):
            count = int(re.search(r"\((\d+)\)", further.get_text()).group(1))
            assert client.get(f"/jobs/{further['href']}").context["results"].total == count
    assert [v.value for v in hidden.context["results"].facets["workplace"]] == [Workplace.ON_SITE]
    shown_workplaces = {
        v.value: v.count
        for v in client.get("/jobs/", {"place": "Columbus, OH"})
        .context["results"]
        .facets["workplace"]
    }
    assert shown_workplaces == {Workplace.ON_SITE: 1, Workplace.REMOTE: 2}


def test_without_a_place_every_remote_job_is_listed(client, remote_and_local):
    page = parse(client.get("/jobs/"))

    assert len(page_titles(page)) == 6


def _near(text: str):
    from jobs.search.forms import SearchForm

    form = SearchForm({"place": text})
    return form.to_query().near


def test_each_card_says_how_far_it_is_from_the_place_searched(client, index):
    posting_in("Westerville, OH", title="Warehouse picker")
    refresh()

    def distance(place: str) -> str:
        page = parse(client.get("/jobs/", {"q": "warehouse", "place": place}))
        metas = [m.get_text(" ", strip=True) for m in page.select(".posting-card .meta")]
        return next(text for text in metas if text.endswith("away"))

    # The card's facts are kept for signed-out visitors; its distance never is.
    assert distance("Westerville, OH") == "0 miles away"
    assert distance("Columbus, OH") == "12 miles away"
    assert distance("Westerville, OH") == "0 miles away"
