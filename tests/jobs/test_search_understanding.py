"""The search page and the API read what people type, on the real Elasticsearch:
filler words left out, intents read as filters (and undone by a link), a typo
searched corrected, and, when nothing matches, offers whose links list exactly
the number they show. An alert saved from such a page stores what the page ran."""

import re

import pytest
from django.urls import reverse

from candidates.alerts.models import Alert
from jobs.search.queries import posting_search
from tests.corpus import refresh_index as refresh
from tests.factories import (
    EmployerFactory,
    PublishedPostingFactory,
    UserFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

COLUMBUS = (39.9612, -82.9988)


def remote(title: str, **kwargs):
    return PublishedPostingFactory(title=title, workplace="remote", located=False, **kwargs)


@pytest.fixture
def board(index):
    PublishedPostingFactory(title="Plumbing technician")
    PublishedPostingFactory(title="Roofer")
    remote("Case manager")
    PublishedPostingFactory(
        title="Case manager", description="<p>Not remote: you work in our Columbus office.</p>"
    )
    PublishedPostingFactory(title="Line cook", employment_type="part_time")
    PublishedPostingFactory(title="Prep cook", employment_type="full_time")
    PublishedPostingFactory(
        title="Carpenter", check_timing="before_offer_by_law", check_level="enhanced"
    )
    refresh()


def get(client, params):
    return parse(client.get("/jobs/", params))


def titles(page) -> list[str]:
    return sorted(h.get_text(" ", strip=True) for h in page.select(".posting-card__title"))


def heading_count(page) -> int:
    return int(page.select_one("#results-heading").get_text().split()[0])


def follow(client, href: str):
    return parse(client.get("/jobs/" + href))


# What goes wrong without reading the words ---------------------------------------


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("plumbing jobs", ["Plumbing technician"]),
        ("roofer position", ["Roofer"]),
        ("Roofer jobs near me", ["Roofer"]),
        ("hiring now: line cook vacancies", ["Line cook", "Prep cook"]),
    ],
)
def test_filler_words_do_not_have_to_match(client, board, typed, found):
    assert titles(get(client, {"q": typed})) == found


def test_work_near_me_lists_every_job(client, board):
    assert heading_count(get(client, {"q": "work near me"})) == 7


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("remote", ["Case manager"]),
        ("work from home", ["Case manager"]),
        ("remote case manager jobs", ["Case manager"]),
        ("part time cook", ["Line cook"]),
        ("full-time cook", ["Prep cook"]),
        ("remote only", ["Case manager"]),
        ("home working case manager", ["Case manager"]),
        ("part timers cook", ["Line cook"]),
    ],
)
def test_intent_phrases_choose_filters_instead_of_matching_words(client, board, typed, found):
    page = get(client, {"q": typed})

    assert titles(page) == found
    assert page.select_one(".understood")


@pytest.mark.parametrize(
    ("typed", "found", "as_words"),
    [
        ("retail jobs", ["Cashier", "Sales associate"], ["Warehouse operative"]),
        ("care", ["Carer"], ["Warehouse operative"]),
        ("part time retail", ["Sales associate"], []),
    ],
)
def test_a_kind_of_work_typed_alone_chooses_its_category(client, index, typed, found, as_words):
    PublishedPostingFactory(title="Cashier", category="retail-customer-service")
    PublishedPostingFactory(
        title="Sales associate", category="retail-customer-service", employment_type="part_time"
    )
    PublishedPostingFactory(title="Carer", category="care-support")
    PublishedPostingFactory(
        title="Warehouse operative",
        category="warehouse-logistics",
        description="<p>Retail deliveries; we care about safety.</p>",
    )
    refresh()

    page = get(client, {"q": typed})

    assert titles(page) == found
    parts = [li.get_text(" ", strip=True) for li in page.select(".understood li")]
    assert any(part.endswith("as words") and ": jobs in " in part for part in parts)
    category_link = next(
        li.select_one("a")["href"]
        for li in page.select(".understood li")
        if ": jobs in " in li.text
    )
    assert titles(follow(client, category_link)) == as_words


def test_a_kind_of_work_with_other_words_stays_words(client, index):
    PublishedPostingFactory(title="Retail sales associate", category="retail-customer-service")
    PublishedPostingFactory(title="Cashier", category="retail-customer-service")
    refresh()

    page = get(client, {"q": "retail sales associate"})

    assert titles(page) == ["Retail sales associate"]
    assert page.select_one(".understood") is None


def test_remote_finds_remote_postings_not_postings_that_say_remote(client, board):
    page = get(client, {"q": "remote case manager"})
    [hit] = page.select(".posting-card")

    assert "Not remote" not in hit.get_text()


def test_no_background_check_chooses_employers_who_check_after_an_offer(client, board):
    page = get(client, {"q": "no background check"})

    assert heading_count(page) == 6
    assert "Carpenter" not in titles(page)
    chosen = page.select_one(".search-facets .facet__chosen")
    assert chosen.get_text().startswith("✓ Checks records only after an offer")


def test_with_no_background_check_employers_who_never_check_come_first(client, index):
    PublishedPostingFactory(title="Cook", check_timing="after_offer", check_level="basic")
    PublishedPostingFactory(title="Cleaner", check_timing="never", check_level="none")
    PublishedPostingFactory(title="Porter", check_timing="after_offer", check_level="basic")
    refresh()

    for params in ({"q": "no background check"}, {"after_offer": "on"}):
        page = get(client, params)
        shown = [h.get_text(strip=True) for h in page.select(".posting-card__title")]
        assert shown == ["Cleaner", "Porter", "Cook"], params  # then the newest


@pytest.mark.parametrize(
    "typed",
    ["felony friendly", "second chance", "fair chance jobs", "jobs that hire felons", "ex felon"],
)
def test_fair_chance_phrases_choose_employers_who_check_only_after_an_offer(client, board, typed):
    page = get(client, {"q": typed})

    assert heading_count(page) == 6
    assert "Carpenter" not in titles(page)
    assert "employers who check records only after an offer" in page.select_one(
        ".understood"
    ).get_text(" ", strip=True)


def test_night_and_weekend_stay_words_as_postings_do_not_say_their_shifts(client, board):
    PublishedPostingFactory(title="Night cleaner")
    refresh()

    assert titles(get(client, {"q": "night"})) == ["Night cleaner"]


# What was understood, and undoing it ---------------------------------------------


def test_the_page_says_what_it_understood_with_a_link_to_undo_each_part(client, board):
    page = get(client, {"q": "remote case manager jobs"})
    understood = page.select_one(".understood")

    summary = understood.select_one("p").get_text(" ", strip=True)
    assert summary.startswith("Remote jobs for “case manager”")
    parts = [li.get_text(" ", strip=True) for li in understood.select("li")]
    assert parts == [
        "“remote”: remote jobs. Search for “remote” as words",
        "Left out: “jobs”. Search with these words",
    ]
    # The box keeps what was typed.
    assert page.select_one("#id_q")["value"] == "remote case manager jobs"

    as_words = follow(client, understood.select_one("li a")["href"])
    assert titles(as_words) == ["Case manager"]
    assert "Not remote" in as_words.select_one(".posting-card").get_text()
    assert (
        as_words.select_one(".understood li")
        .get_text(" ", strip=True)
        .startswith("Left out: “jobs”")
    )

    everything = follow(client, understood.select_one("p a")["href"])
    assert everything.select_one(".understood") is None
    assert heading_count(everything) == 0  # "jobs" is not in any posting


def test_a_facet_read_from_the_words_counts_what_its_link_lists(client, board):
    page = get(client, {"q": "remote case manager"})

    # A chosen value's link removes it; every other link chooses its value.
    links = page.select(".search-facets a:not(.facet__chosen)")
    assert links
    for link in links:
        count = int(re.findall(r"\((\d+)\)", link.get_text())[-1])
        assert heading_count(follow(client, link["href"])) == count, link.get_text()
    clear = page.select_one(".search-facets .facet__chosen")
    cleared = follow(client, clear["href"])
    assert cleared.select_one("#id_q")["value"] == "case manager"
    assert titles(cleared) == ["Case manager", "Case manager"]


def test_a_filter_chosen_in_the_url_wins_over_a_phrase(client, board):
    page = get(client, {"q": "remote case manager", "workplace": "on_site"})

    assert titles(page) == ["Case manager"]
    assert "Not remote" in page.select_one(".posting-card").get_text()
    assert page.select_one(".understood") is None


# Typos ---------------------------------------------------------------------------


def test_a_typo_lists_the_corrected_results_and_links_to_the_words_as_typed(client, board):
    page = get(client, {"q": "carpnter"})

    assert titles(page) == ["Carpenter"]
    note = page.select_one(".did-you-mean").get_text(" ", strip=True)
    assert note == "Showing results for carpenter . Search for carpnter instead."
    as_typed = follow(client, page.select_one(".did-you-mean a")["href"])
    assert heading_count(as_typed) == 0
    assert as_typed.select_one(".did-you-mean") is None


def test_a_corrected_search_is_read_like_typed_words(client, board):
    page = get(client, {"q": "part time cokk"})

    assert titles(page) == ["Line cook"]
    assert page.select_one(".did-you-mean strong").get_text() == "cook"


def test_the_next_page_of_a_corrected_search_is_corrected_too(client, index):
    for n in range(21):
        PublishedPostingFactory(title=f"Carpenter {n}")
    refresh()

    first = get(client, {"q": "carpnter"})
    second = follow(client, first.select_one(".pagination a[rel=next]")["href"])

    assert heading_count(second) == 21
    assert len(second.select(".posting-card")) == 1
    assert second.select_one(".did-you-mean strong").get_text() == "carpenter"


def test_the_words_exactly_as_typed_are_not_corrected(client, board):
    page = get(client, {"q": "carpnter", "keep": "all"})

    assert heading_count(page) == 0
    assert page.select_one(".did-you-mean") is None


# No dead ends --------------------------------------------------------------------


@pytest.fixture
def groomers(index):
    north = COLUMBUS[0] + 20 / 69.09
    unverified, verified = EmployerFactory(), VerifiedEmployerFactory()
    PublishedPostingFactory(title="Dog groomer", employer=unverified)
    PublishedPostingFactory(
        title="Dog groomer",
        employer=verified,
        located="Delaware, OH",
        located__latitude=north,
        located__longitude=COLUMBUS[1],
    )
    remote("Dog groomer", employer=verified)
    PublishedPostingFactory(title="Cat groomer", employer=verified)
    refresh()


def test_when_nothing_matches_each_offer_lists_exactly_its_count(client, groomers):
    params = {"q": "dog groomer", "place": "Columbus, OH", "radius": "10", "verified": "on"}
    page = get(client, params)

    assert heading_count(page) == 0
    why = page.select_one(".empty-state p").get_text(" ", strip=True)
    assert why == (
        "No jobs have all of the words “dog groomer” within 10 miles of Columbus, OH, "
        "with the filters chosen."
    )
    offers = page.select(".search-offers a")
    labels = [a.get_text(" ", strip=True) for a in offers]
    assert labels == [
        "1 job if you remove “Verified fair-chance employers”",
        "1 job within 25 miles",
        "1 job within 50 miles",
        "1 remote job for “dog groomer”",
        "1 job for “groomer”",
    ]
    for offer in offers:
        count = int(offer.get_text().split()[0])
        assert heading_count(follow(client, offer["href"])) == count, offer.get_text()


def test_removing_a_filter_read_from_the_words_takes_its_words_away(client, groomers):
    page = get(client, {"q": "part time dog groomer", "place": "Columbus, OH", "radius": "5"})

    offer = next(a for a in page.select(".search-offers a") if "remove “Part time”" in a.get_text())
    assert offer.get_text(" ", strip=True) == "1 job if you remove “Part time”"
    assert "q=dog+groomer" in offer["href"]
    assert heading_count(follow(client, offer["href"])) == 1


def test_offers_are_counted_only_when_nothing_matched(client, groomers):
    page = get(client, {"q": "dog groomer", "verified": "on"})

    assert heading_count(page) == 2
    assert page.select(".search-offers a") == []


# Alerts saved from an understood or corrected search --------------------------------


def save_alert_from(client, page) -> Alert:
    form = page.select_one("#job-alert form")
    data = {}
    for field in form.select("input[type=hidden]"):
        data.setdefault(field["name"], []).append(field["value"])
    data["frequency"] = "daily"
    response = client.post(form["action"], data)
    assert response.status_code == 302, response.content
    return Alert.objects.get()


def listed(query) -> list[int]:
    return sorted(int(hit.meta.id) for hit in posting_search(query).execute().hits)


@pytest.mark.parametrize(
    ("typed", "text", "filters", "flags"),
    [
        ("remote case manager jobs", "case manager", {"workplace": "remote"}, []),
        ("part time cokk", "cook", {"employment_type": "part_time"}, []),
        ("carpnter", "carpenter", {}, []),
        ("no background check roofer position", "roofer", {}, ["after_offer"]),
    ],
)
def test_an_alert_saved_from_the_page_stores_the_understood_search(
    client, board, typed, text, filters, flags
):
    client.force_login(UserFactory())
    page = get(client, {"q": typed})

    alert = save_alert_from(client, page)

    assert (alert.text, alert.filters, alert.flags) == (text, filters, flags)
    shown = sorted(int(a["href"].split("/")[2]) for a in page.select(".posting-card__title a"))
    assert listed(alert.query) == shown


def test_an_alert_saved_with_the_words_as_typed_keeps_them_as_words(client, board):
    client.force_login(UserFactory())
    page = get(client, {"q": "remote case manager", "keep": "workplace"})

    alert = save_alert_from(client, page)

    assert (alert.text, alert.filters) == ("remote case manager", {})
    edit = parse(client.get(reverse("alerts:edit", args=[alert.pk])))
    assert edit.select_one("input[name=keep]")["value"] == "workplace"


# Bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "cook", "keep": "nonsense"},
        {"q": "jobs " * 40},
        {"q": "- & ! ?"},
        {"q": "remote", "workplace": "astronaut"},
        {"q": "work from home " * 13, "keep": ["all", "filler", "all"]},
    ],
)
def test_bad_input_gives_a_sensible_page(client, board, params):
    response = client.get("/jobs/", params)

    assert response.status_code == 200
    page = parse(response)
    assert page.select(".posting-card") or page.select_one(".empty-state")


def test_an_unknown_keep_is_explained_and_the_words_read_as_usual(client, board):
    page = get(client, {"q": "part time cook", "keep": "nonsense"})

    assert (
        "We could not tell how to read your words" in page.select_one(".error-summary").get_text()
    )
    assert titles(page) == ["Line cook"]


# The API -------------------------------------------------------------------------


def test_the_api_reads_the_words_as_the_page_does(client, board):
    body = client.get(reverse("api:postings"), {"q": "remote case manager jobs"}).json()

    assert [hit["title"] for hit in body["results"]] == ["Case manager"]
    assert body["understood"]["text"] == "case manager"
    assert body["understood"]["filters"] == {"workplace": "remote"}
    assert [r["key"] for r in body["understood"]["readings"]] == ["workplace", "filler"]


def test_the_api_corrects_a_typo_and_offers_searches_when_nothing_matches(client, groomers):
    url = reverse("api:postings")
    assert client.get(url, {"q": "dog gromer"}).json()["corrected_from"] == "dog gromer"

    body = client.get(url, {"q": "dog groomer", "place": "Columbus, OH", "radius": 10}).json()
    assert body["count"] == 1  # the unverified one in Columbus: nothing to offer
    body = client.get(
        url, {"q": "dog groomer", "place": "Columbus, OH", "radius": 10, "verified": True}
    ).json()
    assert body["count"] == 0
    for offer in body["offers"]:
        assert client.get(offer["url"]).json()["count"] == offer["count"], offer


def test_the_api_refuses_an_unknown_keep(client, board):
    response = client.get(reverse("api:postings"), {"q": "cook", "keep": "nonsense"})

    assert response.status_code == 422
