"""A credential page for where you are: a place box (filled from a signed-in
person's home), its open roles nearest first, the person's own credential gap,
and each role's record check in the terms of its country."""

import pytest

from cms.demo import load_home_page
from employers.models import CheckLevel
from tests.factories import CandidateProfileFactory, PublishedPostingFactory, credential
from tests.html import parse

from .factories import CredentialIndexPageFactory, CredentialPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cpscp_page():
    index = CredentialIndexPageFactory(parent=load_home_page())
    return CredentialPageFactory(parent=index, credential=credential("cpscp"))


def asking_for_cpscp(title, **located):
    posting = PublishedPostingFactory(title=title, **located)
    posting.required_credentials.set([credential("cpscp")])
    return posting


@pytest.fixture
def roles():
    # Newest last: without a place, the newest comes first.
    asking_for_cpscp(
        "In Columbus",
        located="Columbus, OH",
        located__latitude=39.9612,
        located__longitude=-82.9988,
    )
    asking_for_cpscp(
        "In Cleveland",
        located="Cleveland, OH",
        located__latitude=41.4993,
        located__longitude=-81.6944,
    )


def card_titles(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".posting-card__title a")]


def test_without_a_place_the_newest_come_first(client, cpscp_page, roles):
    page = parse(client.get(cpscp_page.url))

    assert card_titles(page) == ["In Cleveland", "In Columbus"]
    assert page.select_one("input[name=place]")


def test_a_typed_place_puts_the_nearest_first_with_how_far(client, cpscp_page, roles):
    page = parse(client.get(cpscp_page.url, {"place": "Columbus, OH"}))

    assert card_titles(page) == ["In Columbus", "In Cleveland"]
    metas = [m.get_text(" ", strip=True) for m in page.select(".posting-card .meta")]
    assert "0 miles away" in metas[0]
    assert "miles away" in metas[1]
    assert page.select_one("input[name=place]")["value"] == "Columbus, OH"


def test_a_signed_in_person_s_home_fills_the_box(client, cpscp_page, roles):
    profile = CandidateProfileFactory(
        home__label="Cleveland, OH", home__latitude=41.4993, home__longitude=-81.6944
    )
    client.force_login(profile.user)

    page = parse(client.get(cpscp_page.url))

    assert page.select_one("input[name=place]")["value"] == "Cleveland, OH"
    assert card_titles(page) == ["In Cleveland", "In Columbus"]


@pytest.mark.parametrize("typed", ["Nowhereville Zzzq", "x" * 101])
def test_a_place_we_can_t_find_is_shown_next_to_the_box(client, cpscp_page, roles, typed):
    response = client.get(cpscp_page.url, {"place": typed})

    assert response.status_code == 200
    page = parse(response)
    assert page.select_one("#id_place_error, .field-error")
    assert page.select_one(".error-summary")
    assert page.select_one("input[name=place]")["value"] == typed
    # The roles are still listed, newest first.
    assert card_titles(page) == ["In Cleveland", "In Columbus"]


def test_each_role_s_check_is_in_the_terms_of_its_country(client, cpscp_page):
    asking_for_cpscp("US role", check_level=CheckLevel.BASIC)
    asking_for_cpscp(
        "UK role",
        check_level=CheckLevel.BASIC,
        located="Leeds, England",
        located__country="GB",
        located__region="England",
        located__latitude=53.8,
        located__longitude=-1.55,
    )

    page = parse(client.get(cpscp_page.url))

    checks = {
        card.select_one(".posting-card__title a").get_text(strip=True): card.select_one(
            ".posting-card__check"
        ).get_text(" ", strip=True)
        for card in page.select(".posting-card")
    }
    assert "DBS" in checks["UK role"]
    assert "unspent" in checks["UK role"]
    assert "DBS" not in checks["US role"]
    assert "unspent" not in checks["US role"]
    assert "background check" in checks["US role"]


def test_a_reentry_professional_sees_their_own_gap_on_the_page(
    client, cpscp_page, roles, matching_indices
):
    profile = CandidateProfileFactory(kind="reentry_professional", travel_radius=25)
    profile.credentials.set([credential("cpors")])
    client.force_login(profile.user)
    matching_indices()

    page = parse(client.get(cpscp_page.url))

    mine = page.select_one("#your-gap-heading").find_parent("section").get_text(" ", strip=True)
    assert "CPSCP would open 1 more role within 25 miles of you" in mine


def test_someone_who_holds_it_is_told_so(client, cpscp_page, roles, matching_indices):
    profile = CandidateProfileFactory(kind="both")
    profile.credentials.set([credential("cpscp")])
    client.force_login(profile.user)
    matching_indices()

    page = parse(client.get(cpscp_page.url))

    assert "You hold CPSCP" in page.select_one("#your-gap-heading").find_parent().get_text()


def test_visitors_and_job_seekers_see_no_gap(client, cpscp_page, roles):
    assert parse(client.get(cpscp_page.url)).select_one("#your-gap-heading") is None
    client.force_login(CandidateProfileFactory(kind="job_seeker").user)
    assert parse(client.get(cpscp_page.url)).select_one("#your-gap-heading") is None
