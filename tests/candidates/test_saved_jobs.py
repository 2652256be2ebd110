"""Saving jobs for later: plain forms that work without JavaScript, a list on the
dashboard, and one note when a saved job closes."""

import pytest

from candidates.models import SavedJob
from candidates.services import saved_jobs_note_closed
from fairsite.mail.models import OutgoingEmail
from jobs.models import JobPosting
from tests.factories import (
    DraftPostingFactory,
    ExpiredPostingFactory,
    PublishedPostingFactory,
    SavedJobFactory,
    UserFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(client):
    user = UserFactory()
    client.force_login(user)
    return user


def save_url(posting) -> str:
    return f"/saved-jobs/{posting.pk}/"


def test_save_from_the_posting_page_and_come_back_to_it(client, user):
    posting = PublishedPostingFactory(title="Night cook")
    page = parse(client.get(posting.get_absolute_url()))
    form = page.find("form", action=save_url(posting))

    response = client.post(form["action"], {"next": form.find("input", {"name": "next"})["value"]})

    assert response.status_code == 302
    assert response["Location"] == posting.get_absolute_url()
    assert SavedJob.objects.filter(user=user, posting=posting).exists()
    again = parse(client.get(posting.get_absolute_url()))
    assert again.find("form", action=f"/saved-jobs/{posting.pk}/remove/")


def test_search_results_have_save_buttons_that_know_what_is_saved(client, user, market):
    saved = JobPosting.objects.filter(category="warehouse-logistics").first()
    SavedJobFactory(user=user, posting=saved)

    page = parse(client.get("/jobs/", {"q": "warehouse"}))

    save_forms = page.select("form.save-job")
    assert len(save_forms) == len(page.select(".posting-card"))
    assert page.find("form", action=f"/saved-jobs/{saved.pk}/remove/")
    assert save_forms[0].find("input", {"name": "next"})["value"] == "/jobs/?q=warehouse"


def test_saving_twice_keeps_one_and_unsaving_removes_it(client, user):
    posting = PublishedPostingFactory()

    client.post(save_url(posting))
    client.post(save_url(posting))
    assert SavedJob.objects.filter(user=user).count() == 1

    client.post(f"/saved-jobs/{posting.pk}/remove/")
    assert not SavedJob.objects.filter(user=user).exists()


def test_the_dashboard_and_the_list_show_saved_jobs_and_say_when_one_closed(client, user):
    SavedJobFactory(user=user, posting=PublishedPostingFactory(title="Open role"))
    SavedJobFactory(user=user, posting=ExpiredPostingFactory(title="Old role"))
    SavedJobFactory(posting=PublishedPostingFactory(title="Someone else's"))

    dashboard = parse(client.get("/dashboard/")).get_text(" ", strip=True)
    listed = parse(client.get("/saved-jobs/")).get_text(" ", strip=True)

    for text in (dashboard, listed):
        assert "Open role" in text
        assert "Old role" in text
        assert "This job has closed and no longer takes applications" in text
        assert "Someone else's" not in text


@pytest.mark.parametrize(
    "make", [DraftPostingFactory, ExpiredPostingFactory], ids=["draft", "expired"]
)
def test_a_posting_that_is_not_open_cannot_be_saved(client, user, make):
    posting = make()

    response = client.post(save_url(posting))

    assert response.status_code == 404
    assert not SavedJob.objects.exists()


def test_a_get_or_a_made_up_posting_does_nothing(client, user):
    posting = PublishedPostingFactory()

    assert client.get(save_url(posting)).status_code == 405
    assert client.post("/saved-jobs/999999/").status_code == 404
    assert client.post("/saved-jobs/999999/remove/").status_code == 302
    assert not SavedJob.objects.exists()


def test_next_never_leads_to_another_site(client, user):
    posting = PublishedPostingFactory()

    response = client.post(save_url(posting), {"next": "https://evil.example/"})

    assert response["Location"] == posting.get_absolute_url()


def test_visitors_are_asked_to_sign_in_instead(client):
    posting = PublishedPostingFactory()

    page = parse(client.get(posting.get_absolute_url()))
    response = client.post(save_url(posting))

    assert page.find("form", action=save_url(posting)) is None
    assert "Sign in to save" in page.get_text(" ", strip=True)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_saved_job_that_closes_is_noted_once(user):
    open_job = SavedJobFactory(user=user)
    expired = SavedJobFactory(user=user, posting=ExpiredPostingFactory(title="Old role"))
    filled = SavedJobFactory(user=user, posting=PublishedPostingFactory(status="filled"))
    SavedJobFactory(user=user, posting=PublishedPostingFactory(status="paused"))

    assert saved_jobs_note_closed() == 2
    assert saved_jobs_note_closed() == 0

    keys = set(OutgoingEmail.objects.values_list("dedupe_key", flat=True))
    assert keys == {f"saved-job-{expired.pk}-closed", f"saved-job-{filled.pk}-closed"}
    note = OutgoingEmail.objects.get(dedupe_key=f"saved-job-{expired.pk}-closed")
    assert note.to == [user.email]
    assert note.subject == "A job you saved has closed: Old role"
    open_job.refresh_from_db()
    assert open_job.closed_noted_at is None
