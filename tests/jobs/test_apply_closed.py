"""The apply page of a posting that no longer takes applications: it says the job
has closed, links to open jobs like it, never shows the form, and a POST sends
nothing. "Open" is JobPosting.objects.visible() and its twin, is_visible."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.applications.models import Application
from jobs.models import JobPosting, Status
from tests.candidates import files
from tests.factories import (
    CandidateProfileFactory,
    DraftPostingFactory,
    ExpiredPostingFactory,
    PublishedPostingFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

NOT_OPEN = {
    "closed": lambda: PublishedPostingFactory(status=Status.CLOSED),
    "filled": lambda: PublishedPostingFactory(status=Status.FILLED),
    "expired": lambda: ExpiredPostingFactory(status=Status.EXPIRED),
    "past its closing time": ExpiredPostingFactory,
    "paused": lambda: PublishedPostingFactory(status=Status.PAUSED),
}


@pytest.fixture
def candidate(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    return profile.user


def apply_url(posting) -> str:
    return f"/jobs/{posting.pk}/{posting.slug}/apply/"


def assert_says_closed_without_a_form(response, posting) -> None:
    page = parse(response)
    assert page.select_one("h1").get_text() == "This job has closed"
    assert "It is no longer taking applications." in page.select_one(".notice").get_text()
    assert not page.select("main form")
    assert not page.select("textarea, input[type=file]")
    links = {a["href"] for a in page.select("main a")}
    assert "/jobs/?category=warehouse-logistics&place=Columbus%2C%20OH" in links
    assert "/jobs/" in links


@pytest.mark.parametrize("state", NOT_OPEN)
def test_the_apply_page_says_the_job_has_closed(client, candidate, state):
    posting = NOT_OPEN[state]()

    response = client.get(apply_url(posting))

    assert response.status_code == 200
    assert_says_closed_without_a_form(response, posting)
    assert "Your application was not sent" not in response.content.decode()


@pytest.mark.parametrize("state", NOT_OPEN)
@pytest.mark.parametrize("cv", ["profile", "upload"])
def test_a_post_to_a_closed_job_sends_nothing_and_says_so(
    client, candidate, state, cv, private_media
):
    posting = NOT_OPEN[state]()
    data = {"cover_note": "I would like this job.", "cv_source": cv}
    if cv == "upload":
        data["cv"] = files.upload("cv.pdf", files.minimal_pdf())

    response = client.post(apply_url(posting), data)

    assert response.status_code == 409
    assert_says_closed_without_a_form(response, posting)
    assert "Your application was not sent." in response.content.decode()
    assert not Application.objects.exists()
    assert not any(path.is_file() for path in private_media.rglob("*"))


def test_the_same_page_open_shows_the_form(client, candidate):
    posting = PublishedPostingFactory()

    page = parse(client.get(apply_url(posting)))

    assert page.select_one("main form textarea[name=cover_note]")
    assert page.select_one("h1").get_text() != "This job has closed"


def test_the_link_finds_open_jobs_like_the_closed_one(client, candidate, matching_indices):
    closed = PublishedPostingFactory(title="Night picker", status=Status.CLOSED)
    PublishedPostingFactory(title="Day picker")
    PublishedPostingFactory(title="Line cook", category="hospitality-food")
    matching_indices()
    link = parse(client.get(apply_url(closed))).select_one(".link-list a")["href"]

    results = parse(client.get(link))

    titles = [t.get_text(strip=True) for t in results.select(".posting-card__title")]
    assert titles == ["Day picker"]


@pytest.mark.parametrize(
    "make",
    [
        *NOT_OPEN.values(),
        PublishedPostingFactory,
        DraftPostingFactory,
        lambda: PublishedPostingFactory(expires_at=None),
        lambda: PublishedPostingFactory(expires_at=timezone.now() + timedelta(minutes=5)),
    ],
)
def test_is_visible_says_what_the_visible_queryset_says(make):
    posting = make()

    assert posting.is_visible is JobPosting.objects.visible().filter(pk=posting.pk).exists()
