"""The address of a posting that was live and has ended says "This job has closed",
with open jobs like it, and answers 410 Gone so search engines drop it. A posting
that is paused, rejected or was never published stays a 404: its existence is
its employer's business. "Closed" is JobPostingQuerySet.closed and its twin,
JobPosting.has_closed."""

import pytest

from jobs.models import JobPosting, Status
from tests.factories import (
    DraftPostingFactory,
    ExpiredPostingFactory,
    MembershipFactory,
    PublishedPostingFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

ENDED = {
    "closed": lambda: PublishedPostingFactory(status=Status.CLOSED, category="warehouse-logistics"),
    "filled": lambda: PublishedPostingFactory(status=Status.FILLED, category="warehouse-logistics"),
    "expired": lambda: ExpiredPostingFactory(status=Status.EXPIRED, category="warehouse-logistics"),
    "past its closing time": lambda: ExpiredPostingFactory(category="warehouse-logistics"),
}
HIDDEN = {
    "draft": DraftPostingFactory,
    "waiting for review": lambda: DraftPostingFactory(status=Status.PENDING_REVIEW),
    "rejected": lambda: DraftPostingFactory(status=Status.REJECTED),
    "paused": lambda: PublishedPostingFactory(status=Status.PAUSED),
    # Closed by its employer before anyone saw it.
    "closed, never published": lambda: DraftPostingFactory(status=Status.CLOSED),
}


@pytest.mark.parametrize("state", ENDED)
def test_an_ended_posting_says_it_has_closed_and_offers_open_jobs_like_it(client, state):
    posting = ENDED[state]()
    like_it = PublishedPostingFactory(title="Warehouse picker", category="warehouse-logistics")
    PublishedPostingFactory(title="Cook", category="hospitality-food")

    response = client.get(posting.get_absolute_url())

    assert response.status_code == 410
    page = parse(response)
    assert page.h1.get_text(strip=True) == "This job has closed"
    assert posting.title in page.select_one(".notice").get_text()
    titles = [a.get_text(strip=True) for a in page.select(".posting-card__title a")]
    assert titles == [like_it.title]
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert not page.select_one("script[type='application/ld+json']")
    assert JobPosting.objects.closed().filter(pk=posting.pk).exists()
    assert posting.has_closed


@pytest.mark.parametrize("state", HIDDEN)
def test_a_hidden_posting_stays_unknown(client, state):
    posting = HIDDEN[state]()

    assert client.get(posting.get_absolute_url()).status_code == 404
    assert not JobPosting.objects.closed().filter(pk=posting.pk).exists()
    assert not posting.has_closed


def test_an_unknown_or_garbled_address_is_a_404(client):
    assert client.get("/jobs/999999/no-such-job/").status_code == 404
    assert client.get("/jobs/abc/no-such-job/").status_code == 404


def test_its_employer_still_sees_the_posting_itself(client):
    posting = PublishedPostingFactory(status=Status.CLOSED, title="Night porter")
    client.force_login(MembershipFactory(employer=posting.employer).user)

    response = client.get(posting.get_absolute_url())

    assert response.status_code == 200
    assert parse(response).h1.get_text(strip=True) == "Night porter"


def test_a_live_posting_is_not_closed(client):
    posting = PublishedPostingFactory()

    assert client.get(posting.get_absolute_url()).status_code == 200
    assert not posting.has_closed
    assert not JobPosting.objects.closed().exists()
