"""The posting form refuses bad input with field messages and saves nothing."""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobPosting, Status
from tests.factories import OwnerFactory, credential
from tests.html import assert_form_errors, field_error

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
