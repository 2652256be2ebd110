"""Every case-worker route, for the case worker with and without each permission,
after the seeker ended access, after it expired, for another organisation's
worker, when the organisation is not verified, and after the worker left it.

A refusal is a 404 (an ended grant looks like one that never was) and changes nothing.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import SavedJob
from employers.models import VerificationStatus
from partners import services
from partners.models import JobNote, Permission, PreparedApplication
from tests.factories import ApplicationFactory, PublishedPostingFactory
from tests.partners.factories import CaseWorkerFactory, GrantFactory

pytestmark = pytest.mark.django_db

ALL_OFF = {p.value: False for p in Permission}


def _routes(grant, posting):
    """(name, method, url, data, permission needed or None for any)."""
    pid = grant.public_id
    save = reverse("partners:save-job", args=[pid, posting.pk])
    prepare = reverse("partners:prepare", args=[pid, posting.pk])
    return [
        ("person", "get", reverse("partners:person", args=[pid]), None, None),
        ("save form", "get", save, None, Permission.SAVE_JOBS),
        ("save", "post", save, {"note": "Near your bus route."}, Permission.SAVE_JOBS),
        ("prepare form", "get", prepare, None, Permission.SAVE_JOBS),
        (
            "prepare",
            "post",
            prepare,
            {"note": "Mention the forklift work.", "cv_choice": "profile"},
            Permission.SAVE_JOBS,
        ),
        ("stop", "post", reverse("partners:stop", args=[pid]), {}, None),
    ]


ROUTE_NAMES = ["person", "save form", "save", "prepare form", "prepare", "stop"]


def _call(client, method, url, data):
    return client.get(url) if method == "get" else client.post(url, data)


def _nothing_written(grant):
    assert not JobNote.objects.exists()
    assert not PreparedApplication.objects.exists()
    assert not SavedJob.objects.filter(user=grant.seeker).exists()
    grant.refresh_from_db()


def _route(name, grant, posting):
    return next(r for r in _routes(grant, posting) if r[0] == name)


@pytest.fixture
def posting(es):
    return PublishedPostingFactory(title="Forklift driver")


@pytest.mark.parametrize("name", ROUTE_NAMES)
@pytest.mark.parametrize("permission", list(Permission))
def test_with_only_one_permission(client, posting, name, permission):
    grant = GrantFactory(**{**ALL_OFF, permission.value: True})
    _, method, url, data, needed = _route(name, grant, posting)
    client.force_login(grant.case_worker)
    response = _call(client, method, url, data)
    if needed is None or needed == permission:
        assert response.status_code in {200, 302}, response.content[:500]
    else:
        assert response.status_code == 404
        _nothing_written(grant)


@pytest.mark.parametrize("name", ROUTE_NAMES)
@pytest.mark.parametrize(
    "state", ["ended", "expired", "other_worker", "unverified", "left_organisation", "seeker"]
)
def test_refused_without_current_access(client, posting, name, state):
    grant = GrantFactory(**{p.value: True for p in Permission})
    user = grant.case_worker
    if state == "ended":
        services.grant_end(grant=grant, by=grant.seeker)
    elif state == "expired":
        grant.expires_at = timezone.now() - timedelta(seconds=1)
        grant.save()
    elif state == "other_worker":
        user = CaseWorkerFactory().user
    elif state == "unverified":
        organisation = grant.organisation
        organisation.verification_status = VerificationStatus.PENDING
        organisation.save()
    elif state == "left_organisation":
        grant.case_worker.memberships.all().delete()
    elif state == "seeker":
        user = grant.seeker
    _, method, url, data, _needed = _route(name, grant, posting)
    client.force_login(user)
    response = _call(client, method, url, data)
    assert response.status_code == 404
    _nothing_written(grant)


def test_another_workers_colleague_in_the_same_organisation_is_refused(client, posting):
    grant = GrantFactory()
    colleague = CaseWorkerFactory(employer=grant.organisation.employer).user
    client.force_login(colleague)
    assert client.get(reverse("partners:person", args=[grant.public_id])).status_code == 404


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_a_visitor_is_sent_to_sign_in(client, posting, name):
    grant = GrantFactory(**{p.value: True for p in Permission})
    _, method, url, data, _needed = _route(name, grant, posting)
    response = _call(client, method, url, data)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_person_page_shows_only_the_sections_allowed(client, posting):
    grant = GrantFactory(**{**ALL_OFF, "may_see_matches": True})
    ApplicationFactory(candidate=grant.seeker, posting=PublishedPostingFactory(title="Line cook"))
    client.force_login(grant.case_worker)
    page = client.get(reverse("partners:person", args=[grant.public_id])).content.decode()
    assert "Jobs matched to them" in page
    assert "Line cook" not in page  # applications need their own permission
    assert "Get an application ready" not in page

    grant.may_see_matches, grant.may_see_applications = False, True
    grant.save()
    page = client.get(reverse("partners:person", args=[grant.public_id])).content.decode()
    assert "Jobs matched to them" not in page
    assert "Line cook" in page


def test_ending_access_refuses_the_next_request_at_once(client, posting):
    grant = GrantFactory()
    url = reverse("partners:person", args=[grant.public_id])
    client.force_login(grant.case_worker)
    assert client.get(url).status_code == 200
    seeker = grant.seeker
    seeker_client = type(client)()
    seeker_client.force_login(seeker)
    seeker_client.post(reverse("partners:end", args=[grant.public_id]))
    assert client.get(url).status_code == 404
    assert grant.case_worker.pk not in [g.case_worker_id for g in services.Grant.objects.current()]


def test_a_case_worker_never_gets_the_cv_or_the_profile_page(client):
    from candidates.services import cv_save
    from tests.candidates import files

    grant = GrantFactory(**{p.value: True for p in Permission})
    cv_save(user=grant.seeker, upload=files.upload("cv.pdf", files.minimal_pdf()))
    profile = grant.seeker.candidate_profile
    client.force_login(grant.case_worker)
    assert (
        client.get(reverse("candidates:cv-download", args=[profile.public_id])).status_code == 404
    )
    assert client.get(profile.get_absolute_url()).status_code == 404


def test_the_private_preferences_never_shape_what_the_case_worker_sees(client, es):
    """Matches for a case worker come from the profile alone: a job the person's own
    preferences hide still shows, so the list can't hint at what they chose."""
    from candidates.preferences import FairChancePreferences
    from candidates.services import preferences_save
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index

    ensure(postings_index)
    PublishedPostingFactory(title="Checks before an offer", check_timing="before_offer_by_law")
    PublishedPostingFactory(title="Checks after an offer")
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)
    grant = GrantFactory()
    url = reverse("partners:person", args=[grant.public_id])
    client.force_login(grant.case_worker)
    before = client.get(url).content.decode()
    preferences_save(
        user=grant.seeker, preferences=FairChancePreferences(only_checks_after_offer=True)
    )
    after = client.get(url).content.decode()
    assert "Checks before an offer" in before
    assert "Checks before an offer" in after
    assert "preference" not in after.lower()
