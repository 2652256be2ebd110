"""Pages and blocks read postings and employers live: what visitors see follows the data."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from cms.demo import load_home_page
from jobs.models import Category
from jobs.services import posting_approve
from tests.factories import (
    EditorFactory,
    EmployerFactory,
    ExpiredPostingFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)
from tests.html import parse

from .factories import (
    CareerPathIndexPageFactory,
    CareerPathPageFactory,
    CredentialIndexPageFactory,
    CredentialPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return load_home_page()


@pytest.fixture
def cpors_page(home):
    index = CredentialIndexPageFactory(parent=home)
    return CredentialPageFactory(parent=index, credential=credential("cpors"))


def titles(response, selector=".posting-card__title a") -> list[str]:
    return [h.get_text(strip=True) for h in parse(response).select(selector)]


def test_a_posting_appears_on_its_credential_page_when_published_and_goes_when_it_expires(
    client, cpors_page
):
    posting = PendingPostingFactory(title="Reentry coordinator")
    posting.required_credentials.set([credential("cpors")])
    assert "Reentry coordinator" not in titles(client.get(cpors_page.url))

    posting_approve(posting=posting, by=EditorFactory())

    response = client.get(cpors_page.url)
    assert titles(response) == ["Reentry coordinator"]
    assert (
        "Open jobs that ask for CPORS (1)" in parse(response).select_one("#open-jobs-heading").text
    )

    posting.refresh_from_db()
    with time_machine.travel(posting.expires_at + timedelta(minutes=1)):
        response = client.get(cpors_page.url)
    assert titles(response) == []
    assert "(0)" in parse(response).select_one("#open-jobs-heading").text


def test_credential_page_lists_postings_that_require_or_prefer_it_and_says_which(
    client, cpors_page
):
    required = PublishedPostingFactory(title="Probation officer")
    required.required_credentials.set([credential("cpors")])
    preferred = PublishedPostingFactory(title="Case manager")
    preferred.preferred_credentials.set([credential("cpors")])
    both = PublishedPostingFactory(title="Team lead")
    both.required_credentials.set([credential("cpors")])
    both.preferred_credentials.set([credential("cpors")])
    PublishedPostingFactory(title="Peer mentor").required_credentials.set([credential("cpscp")])
    ExpiredPostingFactory(title="Closed role").required_credentials.set([credential("cpors")])

    page = parse(client.get(cpors_page.url))

    cards = {
        card.select_one(".posting-card__title a").get_text(strip=True): (
            card.select_one(".meta").text
        )
        for card in page.select(".posting-card")
    }
    assert set(cards) == {"Probation officer", "Case manager", "Team lead"}
    assert cards["Probation officer"].startswith("Required")
    assert cards["Case manager"].startswith("Would help")
    assert cards["Team lead"].startswith("Required")
    assert "(3)" in page.select_one("#open-jobs-heading").text


def test_credentials_list_counts_open_roles_live(client, home):
    index = CredentialIndexPageFactory(parent=home)
    CredentialPageFactory(parent=index, credential=credential("cpors"))
    CredentialPageFactory(parent=index, credential=credential("cpscp"))
    PublishedPostingFactory().required_credentials.set([credential("cpors")])
    PublishedPostingFactory().preferred_credentials.set([credential("cpors")])
    ExpiredPostingFactory().required_credentials.set([credential("cpscp")])

    cards = parse(client.get(index.url)).select(".card")

    counts = {c.select_one("h2").get_text(strip=True): c.select_one(".meta").text for c in cards}
    assert counts == {
        credential("cpors").name: "2 open jobs ask for it",
        credential("cpscp").name: "0 open jobs ask for it",
    }


def test_career_path_shows_live_roles_in_its_category_credentials_and_related_paths(
    client, home, cpors_page
):
    index = CareerPathIndexPageFactory(parent=home)
    probation = CareerPathPageFactory(parent=index, category=Category.PROBATION)
    treatment = CareerPathPageFactory(
        parent=index, title="Treatment specialist", category=Category.CORRECTIONAL_TREATMENT
    )
    draft = CareerPathPageFactory(parent=index, title="Draft path", live=False)
    probation.helpful_credentials.set([credential("cpors"), credential("cpscp")])
    probation.related_paths.set([treatment, draft])
    probation.save()
    PublishedPostingFactory(title="Probation officer, North", category=Category.PROBATION)
    ExpiredPostingFactory(title="Probation officer, old", category=Category.PROBATION)
    PublishedPostingFactory(title="Warehouse operative", category=Category.WAREHOUSE)

    page = parse(client.get(probation.url))

    assert titles_in(page) == ["Probation officer, North"]
    assert "(1)" in page.select_one("#open-jobs-heading").text
    credentials = page.select_one("[aria-labelledby=credentials-heading]")
    assert credentials.find("a", string=credential("cpors").name)["href"] == cpors_page.url
    assert credentials.find("a", string=credential("cpscp").name) is None  # no page for it yet
    related = [a.text for a in page.select("[aria-labelledby=related-heading] a")]
    assert related == ["Treatment specialist"]

    counts = parse(client.get(index.url)).select(".card .meta")
    assert [c.text for c in counts] == ["1 open job now", "0 open jobs now"]


def titles_in(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select(".posting-card__title a")]


def test_home_blocks_show_featured_latest_and_verified_employers_live(client, home):
    home.body = [
        {"type": "hero", "value": {"heading": "Jobs", "intro": "", "show_search": True}},
        {"type": "featured_roles", "value": {"heading": "Featured jobs", "how_many": 2}},
        {"type": "latest_roles", "value": {"heading": "Latest jobs", "how_many": 2}},
        {"type": "verified_employers", "value": {"heading": "Checked", "how_many": 5}},
    ]
    home.save_revision().publish()
    soon = timezone.now() + timedelta(days=3)
    verified = VerifiedEmployerFactory(name="Harbour Foods")
    EmployerFactory(name="Not Yet Checked")
    PublishedPostingFactory(title="Cook", employer=verified, featured_until=soon)
    PublishedPostingFactory(title="Old feature", featured_until=timezone.now() - timedelta(days=1))
    ExpiredPostingFactory(title="Expired feature", featured_until=soon)
    PublishedPostingFactory(title="Newest")

    page = parse(client.get("/"))

    sections = {
        s.select_one("h2").text: s for s in page.select("main section") if s.select_one("h2")
    }
    assert titles_in(sections["Featured jobs"]) == ["Cook"]
    assert titles_in(sections["Latest jobs"]) == ["Newest", "Old feature"]
    strip = [a.get_text(strip=True) for a in sections["Checked"].select("a")]
    assert strip == ["Harbour Foods"]
    assert "1 open job" in sections["Checked"].text
    assert page.select_one("form[action='/jobs/'] input[name=q]")
    assert page.select_one("form[action='/jobs/'] input[name=place]")


def test_live_blocks_with_nothing_to_show_are_left_out(client, home):
    home.body = [
        {"type": "hero", "value": {"heading": "Jobs", "intro": "", "show_search": False}},
        {"type": "featured_roles", "value": {"heading": "Featured jobs", "how_many": 3}},
    ]
    home.save_revision().publish()

    page = parse(client.get("/"))

    assert "Featured jobs" not in page.text
    assert page.select_one("form[action='/jobs/']") is None
    assert len(page.select("h1")) == 1


def test_a_posting_links_the_credentials_it_asks_for_to_their_pages(client, cpors_page):
    posting = PublishedPostingFactory(title="Reentry case manager")
    posting.required_credentials.set([cpors_page.credential])

    page = parse(client.get(posting.get_absolute_url()))

    link = page.select_one("#credentials-heading").find_next("a")
    assert link.get_text(strip=True).startswith("Certified Professional in Offender Reentry")
    assert link["href"] == cpors_page.url
