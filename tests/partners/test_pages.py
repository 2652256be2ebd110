"""The caseload page, navigation by role, an organisation becoming a reentry
organisation and an editor verifying it, and the demo."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from fairsite.accounts.navigation import groups_for
from jobs.applications.models import ApplicationEvent, Stage
from partners.models import Grant, ReentryOrganisation
from tests.factories import (
    ApplicationFactory,
    EditorFactory,
    OwnerFactory,
    PublishedPostingFactory,
    SavedJobFactory,
    UserFactory,
)
from tests.partners.factories import CaseWorkerFactory, GrantFactory, ReentryOrganisationFactory

pytestmark = pytest.mark.django_db


def _index(*postings):
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index

    ensure(postings_index)
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


def test_the_caseload_shows_new_matches_closing_dates_and_stage_changes(client, es):
    grant = GrantFactory(may_see_applications=True)
    grant.last_visit_at = timezone.now() - timedelta(days=2)
    grant.save()
    PublishedPostingFactory(title="Old match", published_at=timezone.now() - timedelta(days=5))
    PublishedPostingFactory(title="New match")
    closing = PublishedPostingFactory(
        title="Closing soon",
        published_at=timezone.now() - timedelta(days=10),
        expires_at=timezone.now() + timedelta(days=3),
    )
    _index()
    SavedJobFactory(user=grant.seeker, posting=closing)
    application = ApplicationFactory(candidate=grant.seeker, stage=Stage.INTERVIEW)
    ApplicationEvent.objects.create(
        application=application, from_stage=Stage.SUBMITTED, to_stage=Stage.INTERVIEW
    )
    client.force_login(grant.case_worker)
    page = client.get(reverse("partners:caseload")).content.decode()
    assert grant.seeker.get_full_name() in page
    assert "1 new matched job since your last visit" in page
    assert "Closing soon: closes" in page
    assert f"{application.posting.title}: Interview" in page


def test_the_caseload_leaves_out_what_was_not_allowed_and_who_ended_it(client, es):
    grant = GrantFactory(may_see_matches=False, may_see_applications=False, may_get_alerts=True)
    ended = GrantFactory(
        membership=None, case_worker=grant.case_worker, organisation=grant.organisation
    )
    ended.ended_at = timezone.now()
    ended.save()
    client.force_login(grant.case_worker)
    page = client.get(reverse("partners:caseload")).content.decode()
    assert grant.seeker.get_full_name() in page
    assert "new matched job" not in page
    assert "applications" not in page.split("<h1>")[1].split("Give someone a code")[0].lower()
    assert ended.seeker.get_full_name() not in page


def test_a_case_worker_of_an_unverified_organisation_is_told_why(client):
    membership = CaseWorkerFactory()
    membership.employer.reentry.verification_status = "pending"
    membership.employer.reentry.save()
    client.force_login(membership.user)
    page = client.get(reverse("partners:caseload")).content.decode()
    assert "have not verified" in page
    assert "Make a new code" not in page


def test_navigation_by_role():
    worker = CaseWorkerFactory().user
    titles = [g["title"] for g in groups_for(worker)]
    assert "Helping people" in titles
    seeker = UserFactory()
    assert "Helping people" not in [g["title"] for g in groups_for(seeker)]
    assert "Your case workers" not in [g["title"] for g in groups_for(seeker)]
    grant = GrantFactory()
    assert "Your case workers" in [g["title"] for g in groups_for(grant.seeker)]


def test_dashboards_point_each_person_to_their_pages(client):
    grant = GrantFactory()
    client.force_login(grant.seeker)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("partners:access") in page
    client.force_login(grant.case_worker)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "1 person lets you help them" in page
    owner = OwnerFactory()
    client.force_login(owner.user)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("partners:register", args=[owner.employer.slug]) in page


def test_an_owner_makes_their_organisation_a_reentry_organisation(client):
    owner = OwnerFactory()
    url = reverse("partners:register", args=[owner.employer.slug])
    client.force_login(owner.user)
    response = client.post(url, {"services": ""})
    assert response.status_code == 400
    assert "Say in a few words how you help people" in response.content.decode()
    response = client.post(url, {"services": "x" * 2001})
    assert "2000 characters or fewer" in response.content.decode()
    client.post(url, {"services": "We help people on probation find work."})
    organisation = ReentryOrganisation.objects.get()
    assert organisation.verification_status == "pending"


def test_only_owners_may_make_it_a_reentry_organisation(client):
    recruiter = CaseWorkerFactory(employer=OwnerFactory().employer)
    client.force_login(recruiter.user)
    url = reverse("partners:register", args=[recruiter.employer.slug])
    assert client.post(url, {"services": "We help."}).status_code == 403
    client.force_login(UserFactory())
    assert client.post(url, {"services": "We help."}).status_code == 404


def test_an_editor_verifies_in_the_wagtail_admin_and_can_take_it_away(client):
    grant = GrantFactory()
    organisation = grant.organisation
    organisation.verification_status = "pending"
    organisation.save()
    assert not Grant.objects.current().exists()
    client.force_login(EditorFactory())
    url = reverse("partners_admin:list")
    assert organisation.employer.name in client.get(url).content.decode()
    client.post(url, {"organisation": organisation.pk, "action": "verify"})
    organisation.refresh_from_db()
    assert organisation.is_verified
    assert Grant.objects.current().exists()
    client.post(url, {"organisation": organisation.pk, "action": "unverify"})
    assert not Grant.objects.current().exists()


def test_other_editors_and_case_workers_cannot_verify(client):
    organisation = CaseWorkerFactory().employer.reentry
    client.force_login(UserFactory(is_staff=True))
    response = client.post(
        reverse("partners_admin:list"), {"organisation": organisation.pk, "action": "unverify"}
    )
    assert response.status_code in {302, 403}
    organisation.refresh_from_db()
    assert organisation.is_verified


def test_the_demo_has_a_case_worker_with_a_seekers_access(client, matching_indices):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    matching_indices()
    grant = Grant.objects.current().get()
    assert grant.case_worker.email == "caseworker@example.com"
    assert grant.seeker.email == "seeker@example.com"
    assert grant.organisation.employer.slug == "lanternway-reentry-network"
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "`caseworker@example.com`" in readme
    client.force_login(grant.case_worker)
    assert client.get(reverse("partners:caseload")).status_code == 200
    # The demo seeker has a profile, so the case worker sees real demo jobs for them.
    page = client.get(reverse("partners:person", args=[grant.public_id])).content.decode()
    assert "not made a profile" not in page
    assert "Warehouse associate, night shift" in page


def test_a_reentry_organisations_pages_link_to_its_printed_new_jobs(client):
    from employers.models import EmployerLocation

    membership = CaseWorkerFactory()
    employer = membership.employer
    employer.verification_status = "verified"
    employer.save()
    EmployerLocation.objects.create(
        employer=employer,
        label="Columbus, OH",
        locality="Columbus",
        region="OH",
        country="US",
        latitude=39.9612,
        longitude=-82.9988,
    )
    link = f"{reverse('jobs:print-new')}?place=Columbus%2C%20OH&amp;radius=10"
    assert link in client.get(employer.get_absolute_url()).content.decode()
    client.force_login(membership.user)
    assert link in client.get(reverse("partners:caseload")).content.decode()
    assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_a_verified_reentry_organisation_has_a_public_page_and_an_unverified_one_does_not(client):
    verified = ReentryOrganisationFactory(employer__name="Open Door Reentry")
    unverified = ReentryOrganisationFactory(
        employer__name="Not Yet Checked", verification_status="unverified", verified_at=None
    )

    page = client.get(verified.employer.get_absolute_url())
    assert page.status_code == 200
    assert "Open Door Reentry" in page.content.decode()
    assert client.get(unverified.employer.get_absolute_url()).status_code == 404
