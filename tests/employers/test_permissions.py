"""Who may read and change what of an organisation: the whole matrix.

A recruiter of A reads and changes nothing of B (404, so B's existence stays
private); a job seeker changes nothing of any employer; an owner can do what a
recruiter can, plus the team and the policy.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from employers.models import Employer, Membership
from employers.selectors import is_member, owner_emails
from jobs.models import JobPosting, Status
from tests.factories import (
    DraftPostingFactory,
    EmployerFactory,
    MembershipFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RECRUITER_PAGES = ["/hire/{a}/", "/hire/{a}/postings/new/", "/hire/{a}/postings/{p}/"]
RECRUITER_PAGES += ["/hire/{a}/postings/{p}/edit/"]
OWNER_PAGES = ["/hire/{a}/profile/", "/hire/{a}/policy/", "/hire/{a}/team/"]


@pytest.fixture
def world():
    a, b = EmployerFactory(slug="acme"), EmployerFactory(slug="bravo")
    people = {
        "owner_a": OwnerFactory(employer=a).user,
        "recruiter_a": MembershipFactory(employer=a).user,
        "owner_b": OwnerFactory(employer=b).user,
        "recruiter_b": MembershipFactory(employer=b).user,
        "seeker": UserFactory(),
    }
    posting = DraftPostingFactory(employer=a, title="Forklift driver")
    live = PublishedPostingFactory(employer=a, title="Packer")
    return {"a": a, "b": b, "posting": posting, "live": live, **people}


def url(template, world):
    return template.format(a=world["a"].slug, p=world["posting"].pk)


EXPECTED_GET = {
    # who: (recruiter pages, owner pages)
    "owner_a": (200, 200),
    "recruiter_a": (200, 403),
    "owner_b": (404, 404),
    "recruiter_b": (404, 404),
    "seeker": (404, 404),
}


@pytest.mark.parametrize("who", EXPECTED_GET)
@pytest.mark.parametrize("page", RECRUITER_PAGES + OWNER_PAGES)
def test_reading_organisation_pages(client, world, who, page):
    client.force_login(world[who])
    recruiter_status, owner_status = EXPECTED_GET[who]
    expected = owner_status if page in OWNER_PAGES else recruiter_status

    assert client.get(url(page, world)).status_code == expected


@pytest.mark.parametrize("page", RECRUITER_PAGES + OWNER_PAGES)
def test_signed_out_visitors_are_asked_to_sign_in(client, world, page):
    response = client.get(url(page, world))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def changes(world):
    """Every POST that changes organisation A, and how to tell it happened."""
    a, posting, live = world["a"], world["posting"], world["live"]
    member = Membership.objects.get(user=world["recruiter_a"])
    return {
        "rename": (
            f"/hire/{a.slug}/profile/",
            {"name": "Renamed", "industry": "retail", "size": "1-9"},
            lambda: Employer.objects.get(pk=a.pk).name == "Renamed",
            "owner",
        ),
        "policy": (
            f"/hire/{a.slug}/policy/",
            {"check_timing": "never", "check_level": "none"},
            lambda: Employer.objects.get(pk=a.pk).policy.check_timing == "never",
            "owner",
        ),
        "invite": (
            f"/hire/{a.slug}/team/",
            {"email": "new.recruiter@example.org", "role": "recruiter"},
            lambda: a.invitations.filter(email="new.recruiter@example.org").exists(),
            "owner",
        ),
        "remove member": (
            f"/hire/{a.slug}/team/{member.pk}/remove/",
            {},
            lambda: not Membership.objects.filter(pk=member.pk).exists(),
            "owner",
        ),
        "ask for verification": (
            f"/hire/{a.slug}/verification/",
            {},
            lambda: Employer.objects.get(pk=a.pk).verification_status == "pending",
            "owner",
        ),
        "close posting": (
            f"/hire/{a.slug}/postings/{posting.pk}/close/",
            {},
            lambda: JobPosting.objects.get(pk=posting.pk).status == Status.CLOSED,
            "recruiter",
        ),
        "pause posting": (
            f"/hire/{a.slug}/postings/{live.pk}/pause/",
            {},
            lambda: JobPosting.objects.get(pk=live.pk).status == Status.PAUSED,
            "recruiter",
        ),
        "submit posting": (
            f"/hire/{a.slug}/postings/{posting.pk}/submit/",
            {},
            lambda: JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW,
            "recruiter",
        ),
    }


ACTORS = {
    "owner_a": {"owner", "recruiter"},
    "recruiter_a": {"recruiter"},
    "owner_b": set(),
    "recruiter_b": set(),
    "seeker": set(),
}
CHANGES = [
    "rename",
    "policy",
    "invite",
    "remove member",
    "ask for verification",
    "close posting",
    "pause posting",
    "submit posting",
]


@pytest.mark.parametrize("who", ACTORS)
@pytest.mark.parametrize("change", CHANGES)
def test_changing_an_organisation(client, world, who, change):
    path, data, happened, needs = changes(world)[change]
    client.force_login(world[who])

    response = client.post(path, data)

    allowed = needs in ACTORS[who]
    assert happened() is allowed
    if not allowed:
        expected = 403 if ACTORS[who] else 404
        assert response.status_code == expected


def test_a_posting_of_one_employer_cannot_be_reached_through_another(client, world):
    client.force_login(world["owner_b"])
    posting = world["posting"]

    for suffix in ("", "edit/"):
        assert client.get(f"/hire/bravo/postings/{posting.pk}/{suffix}").status_code == 404
    client.post(f"/hire/bravo/postings/{posting.pk}/close/")
    assert JobPosting.objects.get(pk=posting.pk).status == Status.DRAFT


def test_drafts_are_not_public_but_their_team_can_preview_them(client, world):
    posting = world["posting"]
    detail = f"/jobs/{posting.pk}/{posting.slug}/"

    assert client.get(detail).status_code == 404
    client.force_login(world["seeker"])
    assert client.get(detail).status_code == 404
    client.force_login(world["recruiter_b"])
    assert client.get(detail).status_code == 404
    client.force_login(world["recruiter_a"])
    assert client.get(detail).status_code == 200


def test_is_member_is_the_one_membership_check(world):
    a, b = world["a"], world["b"]

    assert is_member(world["owner_a"], a, owner=True)
    assert is_member(world["recruiter_a"], a.pk)
    assert not is_member(world["recruiter_a"], a, owner=True)
    assert not is_member(world["owner_b"], a)
    assert not is_member(world["seeker"], a)
    assert not is_member(AnonymousUser(), a)
    assert owner_emails(a) == [world["owner_a"].email]
    assert owner_emails(b) == [world["owner_b"].email]
    # A deactivated account is a member of nothing, as memberships_of says.
    world["owner_a"].is_active = False
    world["owner_a"].save()
    assert not is_member(world["owner_a"], a)
