"""`manage.py load_demo` (what `make run` loads): every page type, in our own words."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.models import (
    CareerPathIndexPage,
    CareerPathPage,
    CredentialIndexPage,
    CredentialPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    InsightsPage,
    Menu,
    StandardPage,
)
from jobs.models import Category, Credential
from tests.html import parse

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    CredentialIndexPage,
    CredentialPage,
    CareerPathIndexPage,
    CareerPathPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    GuidePage,
    InsightsPage,
    StandardPage,
]


OFFICIAL_HOSTS = {
    "www.gov.uk",
    "www.legislation.gov.uk",
    "www.eeoc.gov",
    "www.dol.gov",
    "bonds4jobs.com",  # the Federal Bonding Program, funded by the US Department of Labor
}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=None)


def test_the_demo_has_every_page_type_with_its_content(demo):
    for model in PAGE_TYPES:
        assert model.objects.live().exists(), model.__name__
    assert not Page.objects.filter(depth__gt=1).not_live().exists()
    # Every seeded credential gets its page; the five career paths their categories.
    assert {page.credential for page in CredentialPage.objects.all()} == set(
        Credential.objects.all()
    )
    assert {page.category for page in CareerPathPage.objects.all()} == {
        Category.PROBATION,
        Category.CORRECTIONAL_TREATMENT,
        Category.CASE_MANAGEMENT,
        Category.PEER_SUPPORT,
        Category.MENTAL_HEALTH,
    }
    # Guides for both audiences, whose sources are official ones.
    assert {guide.audience for guide in GuidePage.objects.all()} == {"job-seekers", "employers"}
    for guide in GuidePage.objects.all():
        links = [
            link["url"]
            for block in guide.body
            if block.block_type == "official_links"
            for link in block.value["links"]
        ]
        hosts = {url.split("/")[2] for url in links}
        assert hosts <= OFFICIAL_HOSTS, guide.title


def test_loading_twice_duplicates_nothing(demo):
    counts = {model: model.objects.count() for model in PAGE_TYPES}

    call_command("load_demo", stdout=None)

    assert {model: model.objects.count() for model in PAGE_TYPES} == counts
    assert Menu.objects.count() == 2


def test_every_demo_page_answers_with_one_h1_and_the_menu(client, demo):
    for page in Page.objects.live().filter(depth__gt=1):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = parse(response)
        assert len(html.select("h1")) == 1, page.url
        menu = [a.text for a in html.select("nav[aria-label=Main] a")]
        assert menu[:5] == ["Find a job", "Employers", "Credentials", "Careers", "Guides"]
