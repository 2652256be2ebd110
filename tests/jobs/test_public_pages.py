import runpy

import pytest

from fairsite.devtools.paths import BASE_DIR
from jobs.models import JobPosting, Status
from jobs.view_counts import flush_view_counts, pending_views
from tests.factories import (
    DraftPostingFactory,
    ExpiredPostingFactory,
    MembershipFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [" ".join(h.get_text().split()) for h in parse(response).select(".posting-card__title")]


def test_the_list_shows_only_visible_postings_newest_first(client):
    PublishedPostingFactory(title="Older")
    PublishedPostingFactory(title="Newer")
    ExpiredPostingFactory(title="Past closing")
    DraftPostingFactory(title="Draft")
    PublishedPostingFactory(title="Paused", status=Status.PAUSED)

    assert titles(client.get("/jobs/")) == ["Newer", "Older"]


def test_with_search_down_the_list_filters_in_the_database(client):
    # The test settings point Elasticsearch at a port where nothing listens.
    PublishedPostingFactory(title="Forklift driver", category="warehouse-logistics")
    PublishedPostingFactory(
        title="Probation officer", category="probation-parole", check_timing="before_offer_by_law"
    )
    PublishedPostingFactory(
        title="Line cook", category="hospitality-food", located="Leeds, England"
    )

    assert titles(client.get("/jobs/?q=forklift")) == ["Forklift driver"]
    assert titles(client.get("/jobs/?category=probation-parole")) == ["Probation officer"]
    assert "Probation officer" not in titles(client.get("/jobs/?after_offer=on"))
    assert titles(client.get("/jobs/?place=Leeds%2C+England")) == ["Line cook"]


def test_unknown_filter_values_give_a_message_not_an_error(client):
    PublishedPostingFactory(title="Forklift driver")

    response = client.get("/jobs/?category=nonsense&page=10000&q=" + "x" * 500)

    assert response.status_code == 200
    page = parse(response)
    assert page.select_one(".error-summary")


def test_the_posting_page_shows_the_policy_and_how_to_apply(client):
    employer = VerifiedEmployerFactory(name="Fresh Start Foods")
    posting = PublishedPostingFactory(
        employer=employer,
        title="Kitchen porter",
        application_method="external_url",
        apply_url="https://jobs.freshstart.example/apply",
    )

    page = parse(client.get(posting.get_absolute_url()))

    assert page.h1.get_text(strip=True) == "Kitchen porter"
    assert page.select_one(".badge").get_text(strip=True) == "Verified fair-chance employer"
    policy = page.select_one(".policy").get_text(" ", strip=True)
    assert "only look at criminal records after we offer you the job" in policy
    assert page.select_one("a[href='https://jobs.freshstart.example/apply']")


def test_an_old_slug_redirects_to_the_current_one(client):
    posting = PublishedPostingFactory(title="Peer mentor")

    response = client.get(f"/jobs/{posting.pk}/old-title/")

    assert response.status_code == 301
    assert response["Location"] == posting.get_absolute_url()


def test_views_are_counted_for_visitors_but_not_for_the_team(client):
    posting = PublishedPostingFactory()
    client.get(posting.get_absolute_url())
    client.get(posting.get_absolute_url())
    client.force_login(MembershipFactory(employer=posting.employer).user)
    client.get(posting.get_absolute_url())

    assert JobPosting.objects.get(pk=posting.pk).view_count == 2


def test_views_gathered_between_writes_are_written_together_and_none_is_lost(client, settings):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    flush_view_counts()  # whatever an earlier test left
    busy, quiet = PublishedPostingFactory(), PublishedPostingFactory()
    for _ in range(3):
        client.get(busy.get_absolute_url())
    client.get(quiet.get_absolute_url())

    assert pending_views() == {busy.pk: 3, quiet.pk: 1}
    assert JobPosting.objects.get(pk=busy.pk).view_count == 0

    assert flush_view_counts() == 4
    assert pending_views() == {}
    assert JobPosting.objects.get(pk=busy.pk).view_count == 3
    assert JobPosting.objects.get(pk=quiet.pk).view_count == 1


def test_a_gunicorn_worker_writes_its_views_when_it_stops(client, settings):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    posting = PublishedPostingFactory()
    client.get(posting.get_absolute_url())
    worker_exit = runpy.run_path(str(BASE_DIR / "deploy" / "gunicorn.conf.py"))["worker_exit"]

    worker_exit(server=None, worker=None)

    assert pending_views() == {}
    assert JobPosting.objects.get(pk=posting.pk).view_count == 1


def test_the_employer_page_lists_only_its_open_roles(client):
    employer = VerifiedEmployerFactory(name="Open Door Builders")
    PublishedPostingFactory(employer=employer, title="Labourer")
    DraftPostingFactory(employer=employer, title="Site manager")
    ExpiredPostingFactory(employer=employer, title="Old role")
    PublishedPostingFactory(title="Someone else's role")

    response = client.get(employer.get_absolute_url())

    assert response.status_code == 200
    assert titles(response) == ["Labourer"]
    assert parse(response).select_one(".policy")


def test_what_a_job_involves_is_shown_in_words(client):
    posting = PublishedPostingFactory(duties=["driving", "cash"])

    facts = parse(client.get(posting.get_absolute_url())).select_one(".facts").get_text(" ")

    assert "Involves Driving, Handling cash or payments" in " ".join(facts.split())


def test_every_duty_is_a_kind_of_role_the_law_can_attach_exclusions_to():
    from employers.models import RoleType
    from jobs.models import DUTIES

    assert set(DUTIES) == set(RoleType.values)


@pytest.mark.django_db
def test_a_postings_address_follows_its_slug_and_the_sites_prefix():
    from django.urls import set_script_prefix

    posting = PublishedPostingFactory(title="Baker")
    first = posting.get_absolute_url()
    assert first == f"/jobs/{posting.pk}/baker/"

    # The address is worked out once per instance, but never kept past a change.
    posting.slug = "night-baker"
    assert posting.get_absolute_url() == f"/jobs/{posting.pk}/night-baker/"
    set_script_prefix("/board/")
    try:
        assert posting.get_absolute_url() == f"/board/jobs/{posting.pk}/night-baker/"
    finally:
        set_script_prefix("/")
    assert posting.get_absolute_url() == f"/jobs/{posting.pk}/night-baker/"
