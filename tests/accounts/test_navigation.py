"""The header leads each signed-in person to what they came for, and an employer
signing in lands on their organisations."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from fairsite.accounts.models import Purpose
from tests.factories import (
    PASSWORD,
    CandidateProfileFactory,
    EmployerFactory,
    EmployerUserFactory,
    MembershipFactory,
    OwnerFactory,
    UserFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def header_links(client, path="/jobs/") -> dict[str, str]:
    """Every link in the header, text to address."""
    header = parse(client.get(path)).select_one("header")
    return {" ".join(a.get_text(" ", strip=True).split()): a["href"] for a in header.select("a")}


def group_titles(client, path="/jobs/") -> list[str]:
    header = parse(client.get(path)).select_one("header")
    return [title.text for title in header.select(".role-nav__title")]


def test_a_job_seeker_with_a_profile_sees_their_jobs_applications_saved_jobs_and_alerts(client):
    seeker = UserFactory()
    CandidateProfileFactory(user=seeker)
    client.force_login(seeker)

    links = header_links(client)

    assert links["Jobs for you"] == "/jobs/?sort=for_you"
    assert links["Your applications"] == reverse("jobs:applications")
    assert links["Saved jobs"] == reverse("candidates:saved-jobs")
    assert links["Job alerts"] == reverse("alerts:list")
    assert links["Your account"] == reverse("accounts:dashboard")
    assert group_titles(client) == ["Finding work"]


def test_a_job_seeker_without_a_profile_is_led_to_make_one(client):
    client.force_login(UserFactory())

    links = header_links(client)

    assert links["Make your profile"] == reverse("candidates:profile")
    assert "Jobs for you" not in links


def test_an_owner_sees_their_organisation_postings_applicants_and_billing(client):
    owner = OwnerFactory(employer=EmployerFactory(slug="riverside")).user
    client.force_login(owner)

    links = header_links(client)

    assert links["Your organisation"] == "/hire/"
    assert links["Job postings"] == "/hire/riverside/#postings"
    assert links["Applicants"] == "/hire/riverside/?status=published#postings"
    assert links["Post a job"] == "/hire/riverside/postings/new/"
    assert links["Billing"] == "/hire/riverside/billing/"
    assert group_titles(client) == ["Hiring"]
    # Hiring pages are not for finding work: no job seeker's links.
    assert "Your applications" not in links


def test_a_recruiter_sees_no_billing_link(client):
    recruiter = MembershipFactory(employer=EmployerFactory(slug="riverside")).user
    client.force_login(recruiter)

    links = header_links(client)

    assert links["Applicants"] == "/hire/riverside/?status=published#postings"
    assert "Billing" not in links


def test_an_employer_of_several_organisations_is_led_to_the_list_of_them(client):
    owner = OwnerFactory(employer=EmployerFactory(name="A Foods")).user
    OwnerFactory(user=owner, employer=EmployerFactory(name="B Builders"))
    client.force_login(owner)

    assert header_links(client)["Your organisations"] == "/hire/"
    hire = parse(client.get("/hire/"))
    names = [h.get_text(" ", strip=True) for h in hire.select(".organisation-list__name")]
    assert names == ["A Foods", "B Builders"]
    billing = [a["href"] for a in hire.select("main a") if a.text.startswith("Billing")]
    assert len(billing) == 2


def test_an_employer_without_an_organisation_is_led_to_set_one_up(client):
    client.force_login(EmployerUserFactory())

    assert header_links(client)["Set up your organisation"] == reverse("employers:create")


def test_someone_who_both_hires_and_looks_for_work_sees_both(client):
    person = OwnerFactory(user=UserFactory(purpose=Purpose.BOTH)).user
    client.force_login(person)

    links = header_links(client)

    assert group_titles(client) == ["Hiring", "Finding work"]
    assert "Your applications" in links
    assert "Applicants" in links


def test_the_account_page_leads_an_employer_to_hiring(client):
    owner = OwnerFactory(employer=EmployerFactory(name="Riverside", slug="riverside")).user
    client.force_login(owner)

    hiring = parse(client.get(reverse("accounts:dashboard"))).select_one("main")

    assert hiring.select_one("#hiring").text == "Hiring"
    hrefs = [a["href"] for a in hiring.select(".organisation-list a")]
    assert "/hire/riverside/" in hrefs
    assert "/hire/riverside/billing/" in hrefs


def test_a_visitor_sees_no_one_s_links(client):
    links = header_links(client)

    assert "Sign in" in links
    assert "Your applications" not in links
    assert "Applicants" not in links


def test_an_employer_signing_in_lands_on_their_organisations(client):
    owner = OwnerFactory(employer=EmployerFactory(slug="riverside")).user

    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/hire/"


def test_a_job_seeker_signing_in_lands_on_their_account_page(client):
    seeker = UserFactory()

    response = client.post(reverse("account_login"), {"login": seeker.email, "password": PASSWORD})

    assert response["Location"] == reverse("accounts:dashboard")


def test_a_next_address_still_comes_first_for_an_employer(client):
    owner = OwnerFactory().user

    response = client.post(
        reverse("account_login") + "?next=/jobs/",
        {"login": owner.email, "password": PASSWORD},
    )

    assert response["Location"] == "/jobs/"


@pytest.mark.django_db(transaction=True)
def test_an_employer_confirming_their_new_account_lands_on_hiring(client):
    client.post(
        reverse("account_signup"),
        {"email": "erin@example.org", "password1": PASSWORD, "purpose": "hire"},
    )
    link = re.search(r"/accounts/confirm-email/[-:\w]+/", mail.outbox[-1].body).group(0)

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == "/hire/"
    assert "Set up your organisation" in header_links(client, response["Location"])
