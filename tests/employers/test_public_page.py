"""An organisation's public page, its API entry and its feed agree on who is
public: verified employers, and any with a live posting. Its own members (and
the editors who verify employers) may look at the page before then."""

import pytest

from tests.factories import (
    DraftPostingFactory,
    EditorFactory,
    EmployerFactory,
    ExpiredPostingFactory,
    MembershipFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def unverified_with(make_posting):
    employer = EmployerFactory(name="Quiet Storage Co")
    if make_posting:
        make_posting(employer=employer)
    return employer


STATES = {
    # name: (how to make it, public?)
    "verified, no postings": (lambda: VerifiedEmployerFactory(name="Quiet Storage Co"), True),
    "unverified, a live posting": (lambda: unverified_with(PublishedPostingFactory), True),
    "unverified, no postings": (lambda: unverified_with(None), False),
    "unverified, a draft": (lambda: unverified_with(DraftPostingFactory), False),
    "unverified, an expired posting": (lambda: unverified_with(ExpiredPostingFactory), False),
    "unverified, a closed posting": (
        lambda: unverified_with(lambda **kw: PublishedPostingFactory(status="closed", **kw)),
        False,
    ),
    "pending, no postings": (
        lambda: EmployerFactory(name="Quiet Storage Co", verification_status="pending"),
        False,
    ),
}


def urls(employer) -> dict[str, str]:
    return {
        "page": f"/employers/{employer.slug}/",
        "api": f"/api/v1/employers/{employer.slug}",
        "atom feed": f"/feeds/employers/{employer.slug}.atom",
    }


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("who", ["visitor", "job seeker", "member of another organisation"])
def test_page_api_and_feed_agree_for_everyone_outside_the_organisation(client, state, who):
    make, public = STATES[state]
    employer = make()
    if who == "job seeker":
        client.force_login(UserFactory())
    elif who == "member of another organisation":
        client.force_login(OwnerFactory(employer=VerifiedEmployerFactory()).user)

    answers = {name: client.get(url) for name, url in urls(employer).items()}

    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(
        answers, 200 if public else 404
    )
    listed = [e["slug"] for e in client.get("/api/v1/employers").json()["results"]]
    assert (employer.slug in listed) is public
    if not public:
        for response in answers.values():
            assert "Quiet Storage Co" not in response.content.decode()


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_its_own_members_see_the_page_marked_as_not_public_yet(client, role):
    employer = EmployerFactory(name="Quiet Storage Co")
    client.force_login(MembershipFactory(employer=employer, role=role).user)

    response = client.get(f"/employers/{employer.slug}/")

    assert response.status_code == 200
    page = parse(response)
    assert page.select_one("h1").get_text() == "Quiet Storage Co"
    assert "Only your team can see this page for now" in page.select_one(".notice").get_text()
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert not page.select("script[type='application/ld+json']")
    assert not page.select("link[rel=alternate]")
    # The API is the public view: it does not change for a signed-in member.
    assert client.get(f"/api/v1/employers/{employer.slug}").status_code == 404


def test_an_editor_can_open_the_page_of_an_employer_waiting_for_review(client):
    employer = EmployerFactory(name="Quiet Storage Co", verification_status="pending")
    client.force_login(EditorFactory())

    page = parse(client.get(f"/employers/{employer.slug}/"))

    assert page.select_one("h1").get_text() == "Quiet Storage Co"
    assert page.select_one("meta[name=robots]")["content"] == "noindex"


def test_a_public_page_has_no_not_public_notice_and_is_indexable(client):
    employer = VerifiedEmployerFactory(name="Quiet Storage Co")
    client.force_login(OwnerFactory(employer=employer).user)

    page = parse(client.get(f"/employers/{employer.slug}/"))

    assert "Only your team can see this page" not in page.get_text()
    assert page.select_one("meta[name=robots]") is None
    assert page.select("script[type='application/ld+json']")


def test_an_unknown_organisation_is_not_found_anywhere(client):
    client.force_login(EditorFactory())

    for url in urls(EmployerFactory.build(slug="no-such-co")).values():
        assert client.get(url).status_code == 404
