"""The posting form refuses bad input with field messages and saves nothing."""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobPosting, Status
from tests.factories import OwnerFactory, credential
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db


def good_posting(**changes):
    data = {
        "title": "Reentry case manager",
        "description": (
            "Help people leaving prison plan for housing and work.\n\n- Case notes\n- Home visits"
        ),
        "category": "case-management",
        "employment_type": "full_time",
        "workplace": "on_site",
        "locations": "Cleveland, OH",
        "salary_min": "42000",
        "salary_max": "48000",
        "salary_period": "year",
        "salary_currency": "USD",
        "skills": "case management, motivational interviewing",
        "required_credentials": [str(credential("cpors").pk)],
        "experience_level": "some",
        "duties": ["vulnerable_adults"],
        "check_timing": "after_offer",
        "check_level": "basic",
        "application_method": "on_site",
        "closing_date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
    }
    data.update(changes)
    return data


@pytest.fixture
def owner_client(client):
    owner = OwnerFactory()
    client.force_login(owner.user)
    client.employer = owner.employer
    return client


def new_url(client):
    return f"/hire/{client.employer.slug}/postings/new/"


def test_a_good_posting_is_saved_as_a_draft_with_everything_it_said(owner_client):
    response = owner_client.post(new_url(owner_client), good_posting())

    posting = JobPosting.objects.get()
    assert response.status_code == 302
    assert posting.status == Status.DRAFT
    assert posting.description.startswith("<p>Help people leaving prison")
    assert "<ul><li>Case notes</li>" in posting.description
    assert posting.skills == ["case management", "motivational interviewing"]
    assert posting.duties == ["vulnerable_adults"]
    assert [c.slug for c in posting.required_credentials.all()] == ["cpors"]
    assert [loc.label for loc in posting.locations.all()] == ["Cleveland, OH"]
    assert posting.expires_at.date() == timezone.localdate() + datetime.timedelta(days=20)


BAD = [
    ({"salary_min": "50000", "salary_max": "40000"}, "salary_max", "pay up to"),
    ({"salary_period": ""}, "salary_period", "per hour"),
    ({"locations": "Nowhereville Zzz"}, "locations", "couldn"),
    ({"locations": "", "workplace": "on_site"}, "locations", "where the job is"),
    ({"closing_date": "2001-01-01"}, "closing_date", "future"),
    ({"closing_date": "31/12/2099"}, "closing_date", "year-month-day"),
    (
        {"application_method": "external_url", "apply_url": "javascript:alert(1)"},
        "apply_url",
        "http",
    ),
    ({"application_method": "external_url", "apply_url": ""}, "apply_url", "web address"),
    ({"application_method": "email", "apply_email": "nope"}, "apply_email", "email"),
    ({"required_credentials": ["999999"]}, "required_credentials", "choose credentials"),
    ({"required_credentials": ["not-a-number"]}, "required_credentials", ""),
    ({"title": ""}, "title", "required"),
    ({"description": "<script>alert(1)</script>"}, "description", "describe the job"),
    ({"category": "smuggling"}, "category", "valid choice"),
    ({"salary_min": "-5"}, "salary_min", "greater than or equal"),
    ({"duties": ["flying"]}, "duties", "valid choice"),
    # A remote job says where people can work from.
    ({"workplace": "remote", "locations": ""}, "open_to_country", "which country"),
    ({"workplace": "remote", "open_to_country": "FR"}, "open_to_country", "united kingdom"),
    (
        {"workplace": "remote", "open_to_country": "GB", "open_to_region": "CA"},
        "open_to_region",
        "state or nation of the country you chose",
    ),
    (
        {"workplace": "remote", "open_to_country": "US", "open_to_region": "Narnia"},
        "open_to_region",
        "from the list",
    ),
]


@pytest.mark.parametrize(("changes", "field", "words"), BAD)
def test_bad_posting_input_is_refused_and_nothing_is_saved(owner_client, changes, field, words):
    response = owner_client.post(new_url(owner_client), good_posting(**changes))

    page = assert_form_errors(response, field)
    assert words in field_error(page, field).lower()
    assert not JobPosting.objects.exists()
    # What was typed stays in the form.
    assert page.select_one("[name=title]").get("value", "") == good_posting(**changes)["title"]


def test_a_credential_both_required_and_preferred_is_refused(owner_client):
    both = [str(credential("cpscp").pk)]
    response = owner_client.post(
        new_url(owner_client),
        good_posting(required_credentials=both, preferred_credentials=both),
    )

    assert_form_errors(response, "preferred_credentials")
    assert not JobPosting.objects.exists()


def test_editing_keeps_the_plain_text_the_employer_wrote(owner_client):
    owner_client.post(new_url(owner_client), good_posting())
    posting = JobPosting.objects.get()

    page = owner_client.get(f"/hire/{owner_client.employer.slug}/postings/{posting.pk}/edit/")

    text = page.content.decode()
    assert (
        "Help people leaving prison plan for housing and work.\n\n- Case notes\n- Home visits"
        in text
    )


def test_a_remote_posting_is_saved_with_where_it_is_open_to(owner_client):
    response = owner_client.post(
        new_url(owner_client),
        good_posting(workplace="remote", locations="", open_to_country="US", open_to_region="CA"),
    )

    assert response.status_code == 302
    posting = JobPosting.objects.get()
    assert (posting.open_to_country, posting.open_to_region) == ("US", "CA")
    assert posting.open_to_text == "Work from anywhere in California"


def test_a_job_that_is_not_remote_is_open_to_nowhere_whatever_was_chosen(owner_client):
    owner_client.post(
        new_url(owner_client),
        good_posting(workplace="on_site", open_to_country="GB", open_to_region="Scotland"),
    )

    posting = JobPosting.objects.get()
    assert (posting.open_to_country, posting.open_to_region) == ("", "")


def test_the_form_asks_where_remote_work_can_be_done_from(owner_client):
    page = parse(owner_client.get(new_url(owner_client)))

    country = page.select_one("select[name=open_to_country]")
    region = page.select_one("select[name=open_to_region]")
    assert [o["value"] for o in country.select("option")] == ["", "US", "GB"]
    assert {g["label"] for g in region.select("optgroup")} == {"United States", "United Kingdom"}
    assert region.select_one("option[value=Scotland]") is not None
    assert region.select_one("option[value=CA]").get_text() == "California"


def test_a_postcode_alone_is_saved_with_its_town(owner_client):
    owner_client.post(new_url(owner_client), good_posting(locations="E1"))

    location = JobPosting.objects.get().locations.get()
    assert (location.label, location.locality, location.postal_code) == (
        "E1, London",
        "London",
        "E1",
    )


def test_a_shared_place_name_is_saved_as_the_likeliest_and_the_employer_is_told(owner_client):
    response = owner_client.post(
        new_url(owner_client), good_posting(locations="Glasgow"), follow=True
    )

    assert [loc.label for loc in JobPosting.objects.get().locations.all()] == ["Glasgow, Scotland"]
    messages = [m.get_text(" ", strip=True) for m in parse(response).select(".message")]
    assert any(
        "We took 'Glasgow' to mean Glasgow, Scotland. If you meant Glasgow, Kentucky" in m
        for m in messages
    ), messages
