"""Job lists made for paper: any search (/jobs/print/) and "new jobs near a place
this week" (/jobs/print/new-this-week/), both from the search page's own search,
with each job's facts, a short link and a QR code; and the short links."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import Status
from tests.corpus import refresh_index
from tests.factories import DraftPostingFactory, PublishedPostingFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [h.get_text(strip=True) for h in parse(response).select(".printed-job__title")]


def printed_links(response) -> list[str]:
    return [a["href"] for a in parse(response).select(".printed-job__link a")]


def search_links(response) -> list[str]:
    return [a["href"] for a in parse(response).select(".posting-card__title a")]


@pytest.mark.parametrize(
    "params",
    ["q=warehouse", "q=warehouse&sort=newest", "after_offer=on&verified=on", "", "page=2"],
)
def test_a_printed_search_lists_what_the_search_page_lists(client, corpus, params):
    search = client.get(f"/jobs/?{params}")
    printed = client.get(f"/jobs/print/?{params}")

    assert printed.status_code == 200
    assert printed_links(printed) == search_links(search)
    if params == "page=2":  # past the last page: nothing to print, and no link
        assert not titles(printed)
        assert not parse(search).select(".print-link")
        return
    assert titles(printed)
    link = parse(search).select_one(".print-link a")
    assert link["href"] == "/jobs/print/" + (f"?{params}" if params else "")


def test_each_printed_job_has_its_facts_a_short_link_and_a_qr_code(client, corpus):
    leader = corpus[1]  # Warehouse team leader at Parcel & Pallet, $40,000 to $45,000 a year
    page = parse(client.get("/jobs/print/?q=team+leader"))

    (job,) = page.select(".printed-job")
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in job.select(".printed-job__facts > div")
    }
    short = f"127.0.0.1:8000/j/{leader.pk}/"
    assert facts["Employer"] == "Parcel & Pallet"
    assert facts["Where"] == "Columbus, OH"
    assert facts["Pay"] == "$40,000 to $45,000 a year · Full time"
    assert facts["Record checks"].startswith("Only after a conditional job offer; a background")
    assert (
        "You will not be asked about a criminal record before a job offer."
        in (facts["Record checks"])
    )
    assert facts["How to apply"] == f"Apply on this site: go to {short}"
    assert job.select_one(".printed-job__link a").get_text(strip=True).startswith(short)
    qr = job.select_one(".printed-job__qr")
    assert qr["aria-hidden"] == "true"
    assert qr.svg is not None
    assert qr.svg.path is not None
    assert page.h1.get_text(strip=True) == "Jobs for “team leader”"
    assert page.select_one("meta[name=robots]")["content"] == "noindex"


def test_how_to_apply_elsewhere_is_printed_in_full(client, index):
    PublishedPostingFactory(
        title="Porter", application_method="external_url", apply_url="https://example.org/jobs/7"
    )
    PublishedPostingFactory(
        title="Cook", application_method="email", apply_email="kitchen@example.org"
    )
    refresh_index()

    page = parse(client.get("/jobs/print/?sort=newest"))

    applying = [dd.get_text(" ", strip=True) for dd in page.select(".printed-job__facts dd")]
    assert 'Email your CV with "Cook" in the subject to kitchen@example.org' in applying
    assert any(text.endswith("'s website https://example.org/jobs/7") for text in applying), (
        applying
    )


def test_a_short_link_leads_to_the_job_and_keeps_hidden_jobs_unknown(client, index):
    live = PublishedPostingFactory(title="Porter")
    closed = PublishedPostingFactory(title="Cook", status=Status.CLOSED)
    draft = DraftPostingFactory(title="Secret plans")

    assert client.get(f"/j/{live.pk}/").url == live.get_absolute_url()
    response = client.get(f"/j/{closed.pk}/", follow=True)
    assert response.status_code == 410  # "This job has closed"
    assert client.get(f"/j/{draft.pk}/").status_code == 404
    assert client.get("/j/999999/").status_code == 404


def test_new_jobs_this_week_lists_the_last_seven_days_near_the_place_newest_first(client, corpus):
    PublishedPostingFactory(
        title="Line cook",
        located="Leeds, England",
        located__country="GB",
        located__region="England",
        located__latitude=53.8008,
        located__longitude=-1.5491,
    )
    refresh_index()

    response = client.get("/jobs/print/new-this-week/?place=Columbus%2C+OH&radius=25")

    assert response.status_code == 200
    # The corpus was published one to eight days ago; the remote US role is open to Ohio.
    assert titles(response) == [posting.title for posting in corpus[:6]]
    page = parse(response)
    assert page.h1.get_text(strip=True) == "New jobs near Columbus, OH this week"
    assert "published in the last 7 days" in page.select_one(".printed-list__about").get_text()
    assert page.select_one("#id_place")["value"] == "Columbus, OH"


def test_new_jobs_this_week_with_nothing_new_says_so(client, index):
    PublishedPostingFactory(title="Porter", published_at=timezone.now() - timedelta(days=9))
    refresh_index()

    page = parse(client.get("/jobs/print/new-this-week/?place=Columbus%2C+OH"))

    assert not page.select(".printed-job")
    assert "No new jobs were published near Columbus, OH" in page.main.get_text()


def test_new_jobs_this_week_asks_for_a_place_first(client, index):
    page = parse(client.get("/jobs/print/new-this-week/"))

    assert page.h1.get_text(strip=True) == "New jobs near you this week"
    assert not page.select(".error-summary")
    assert not page.select(".printed-job")


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ("place=", "place", "Type a town or city, a ZIP code or a postcode."),
        ("place=Qwxzqz+Qwxzqz", "place", "We couldn't find"),
        ("place=Columbus%2C+OH&radius=abc", "radius", "Choose a distance from the list."),
        ("place=" + "x" * 300, "place", "That is too long for a place."),
    ],
)
def test_new_jobs_this_week_explains_bad_input_and_keeps_what_was_typed(
    client, index, params, field, message
):
    response = client.get(f"/jobs/print/new-this-week/?{params}")

    assert response.status_code == 200
    page = parse(response)
    assert message in page.select_one(f"#id_{field}_error").get_text()
    assert message in page.select_one(".error-summary").get_text()
    typed = params.split("place=")[1].split("&")[0].replace("+", " ")
    assert page.select_one("#id_place")["value"] == typed.replace("%2C", ",")
    assert not page.select(".printed-job")


def test_a_printed_search_with_the_search_engine_down_answers_from_the_database(client):
    # The test settings point Elasticsearch at a port where nothing listens.
    PublishedPostingFactory(title="Forklift driver")
    PublishedPostingFactory(title="Line cook", published_at=timezone.now() - timedelta(days=10))

    assert titles(client.get("/jobs/print/?q=forklift")) == ["Forklift driver"]
    assert titles(client.get("/jobs/print/new-this-week/?place=Columbus%2C+OH")) == [
        "Forklift driver"
    ]
