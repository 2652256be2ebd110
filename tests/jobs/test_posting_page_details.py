"""Smaller things that tripped people up: when a job was posted and an Apply
button near the top; closing a live posting asks first (without JavaScript); the
rejection email links to the advert; the editor's reject-reason box is not right
under "Approve and publish"; an applicant without a name is not headed by their
email address."""

import pytest
from django.conf import settings
from django.core import mail

from jobs import services
from jobs.models import JobPosting, Status
from tests.factories import (
    ApplicationFactory,
    DraftPostingFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.html import parse
from tests.jobs.test_moderation_admin import moderator  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def owned(factory, **fields):
    owner = OwnerFactory()
    return factory(employer=owner.employer, **fields), owner.user


def test_the_posting_page_says_when_it_was_posted_and_offers_apply_at_the_top(client):
    posting = PublishedPostingFactory(title="Cook")

    page = parse(client.get(posting.get_absolute_url()))

    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in page.select("dl.facts > div")
    }
    assert facts["Posted"] == f"{posting.published_at:%-d %B %Y}"
    apply_links = page.select(f"a[href='/jobs/{posting.pk}/{posting.slug}/apply/']")
    assert len(apply_links) == 2
    # The first comes before the facts and the description.
    text = str(page.select_one("main"))
    assert text.index(str(apply_links[0])) < text.index("About the job")


def close_url(posting) -> str:
    return f"/hire/{posting.employer.slug}/postings/{posting.pk}/close/"


def test_closing_a_live_posting_asks_first(client):
    posting, owner = owned(PublishedPostingFactory, title="Cook")
    client.force_login(owner)

    asked = client.post(close_url(posting))

    assert asked.status_code == 200
    page = parse(asked)
    assert page.h1.get_text(strip=True) == "Close Cook?"
    assert page.select_one("input[name=confirm][value=yes]")
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PUBLISHED

    done = client.post(close_url(posting), {"confirm": "yes"})

    assert done.status_code == 302
    assert JobPosting.objects.get(pk=posting.pk).status == Status.CLOSED


@pytest.mark.parametrize("confirm", ["", "no", "YES", "x" * 500])
def test_anything_but_a_clear_yes_only_asks_again(client, confirm):
    posting, owner = owned(PublishedPostingFactory)
    client.force_login(owner)

    response = client.post(close_url(posting), {"confirm": confirm})

    assert response.status_code == 200
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PUBLISHED


def test_a_draft_closes_without_asking(client):
    posting, owner = owned(DraftPostingFactory)
    client.force_login(owner)

    assert client.post(close_url(posting)).status_code == 302
    assert JobPosting.objects.get(pk=posting.pk).status == Status.CLOSED


def test_the_confirm_step_is_only_for_the_employer_s_team(client):
    posting, _owner = owned(PublishedPostingFactory)
    client.force_login(UserFactory())

    assert client.post(close_url(posting), {"confirm": "yes"}).status_code == 404
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PUBLISHED


def test_the_rejection_email_links_to_the_advert(moderator, django_capture_on_commit_callbacks):  # noqa: F811
    posting, _owner = owned(PendingPostingFactory)

    with django_capture_on_commit_callbacks(execute=True):
        services.posting_reject(posting=posting, by=moderator, reason="Please add the pay.")

    edit = f"{settings.SITE_URL}/hire/{posting.employer.slug}/postings/{posting.pk}/edit/"
    assert edit in mail.outbox[0].body


def test_the_reject_reason_is_not_right_under_approve(client, moderator):  # noqa: F811
    posting = PendingPostingFactory()
    client.force_login(moderator)

    page = str(parse(client.get(f"/admin/moderation/{posting.pk}/")))

    reason_box = page.index('name="reason"')
    approve = page.index("Approve and publish")
    assert reason_box < approve
    assert "Or approve it" in page[reason_box:approve]


def test_an_applicant_without_a_name_is_not_headed_by_their_email(client):
    posting, owner = owned(PublishedPostingFactory, title="Cook")
    nameless = UserFactory(first_name="", last_name="", email="private.person@example.org")
    application = ApplicationFactory(posting=posting, candidate=nameless)
    named = ApplicationFactory(
        posting=posting, candidate=UserFactory(first_name="Sam", last_name="Lee")
    )
    client.force_login(owner)
    slug = posting.employer.slug

    detail = parse(client.get(f"/hire/{slug}/applicants/{application.pk}/"))
    listing = parse(client.get(f"/hire/{slug}/postings/{posting.pk}/applicants/"))

    assert detail.h1.get_text(strip=True) == f"Applicant no. {application.pk}"
    assert "private.person" not in detail.title.get_text()
    rows = [th.get_text(strip=True) for th in listing.select("tbody th")]
    assert f"Applicant no. {application.pk}" in rows
    assert "Sam Lee" in rows
    assert "private.person@example.org" not in " ".join(rows)
    assert named.applicant_name == "Sam Lee"
