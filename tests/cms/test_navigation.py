"""What every page has: the menus from the Menus snippets, breadcrumbs, and SEO and sharing tags."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.demo import load_home_page
from cms.models import Menu, MenuLink, MenuLocation
from tests.html import parse

from .factories import GuideIndexPageFactory, GuidePageFactory, ImageFactory


@pytest.fixture
def home(db):
    return load_home_page()


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


@pytest.mark.django_db
def test_the_main_menu_and_footer_come_from_the_menus_and_keep_the_account_links(client, guides):
    draft = GuidePageFactory(parent=guides, title="Draft", live=False)
    main = Menu.objects.create(location=MenuLocation.MAIN)
    MenuLink.objects.create(menu=main, sort_order=0, text="Find a job", url="/jobs/")
    MenuLink.objects.create(menu=main, sort_order=1, text="Guides", page=guides)
    MenuLink.objects.create(menu=main, sort_order=2, text="Not ready", page=draft)
    footer = Menu.objects.create(location=MenuLocation.FOOTER, footer_text="Run by editors.")
    MenuLink.objects.create(menu=footer, sort_order=0, text="Search", url="/search/")

    page = parse(client.get(guides.url))

    main_links = [(a.text, a["href"]) for a in page.select("nav[aria-label=Main] a")]
    assert main_links == [
        ("Find a job", "/jobs/"),
        ("Guides", "/guides/"),
        ("Sign in", "/accounts/login/"),
        ("Create an account", "/accounts/signup/"),
    ]
    assert page.select_one("nav[aria-label=Main] a[aria-current=page]").text == "Guides"
    assert [a.text for a in page.select("footer nav a")] == ["Search"]
    assert "Run by editors." in page.select_one("footer").text


def main_menu(client, url="/jobs/") -> list[str]:
    return [a.text for a in parse(client.get(url)).select("nav[aria-label=Main] a")]


@pytest.mark.django_db
def test_the_menus_are_read_once_then_kept_until_a_page_or_link_changes(client, guides):
    """Kept in the shared cache, so a page costs no menu queries; every change
    that alters what a menu shows makes the next page read them afresh."""
    guide = GuidePageFactory(parent=guides, title="Disclosure")
    main = Menu.objects.create(location=MenuLocation.MAIN)
    MenuLink.objects.create(menu=main, sort_order=0, text="Guides", page=guides)
    link = MenuLink.objects.create(menu=main, sort_order=1, text="Disclosure", page=guide)
    assert main_menu(client)[:2] == ["Guides", "Disclosure"]

    with CaptureQueriesContext(connection) as queries:
        main_menu(client)
    assert not [q for q in queries.captured_queries if "cms_menu" in q["sql"]]

    guide.unpublish()
    assert main_menu(client)[:2] == ["Guides", "Sign in"]
    guide.save_revision().publish()
    assert main_menu(client)[:2] == ["Guides", "Disclosure"]

    link.text = "Telling an employer"
    link.save()
    assert main_menu(client)[:2] == ["Guides", "Telling an employer"]

    guide.move(guides.get_parent(), pos="last-child")
    menu = parse(client.get("/jobs/")).select("nav[aria-label=Main] a")
    assert menu[1]["href"] == "/disclosure/"

    guide.delete()
    assert main_menu(client)[:2] == ["Guides", "Sign in"]

    MenuLink.objects.create(menu=main, sort_order=2, text="Jobs", url="/jobs/")
    assert main_menu(client)[:2] == ["Guides", "Jobs"]


@pytest.mark.django_db
def test_without_menus_the_header_still_links_to_jobs_and_accounts(client, home):
    links = [a.text for a in parse(client.get("/")).select("nav[aria-label=Main] a")]

    assert links == ["Find a job", "Sign in", "Create an account"]


@pytest.mark.django_db
def test_a_menu_link_needs_a_page_or_an_address_but_not_both(home):
    menu = Menu.objects.create(location=MenuLocation.MAIN)
    with pytest.raises(ValidationError, match="Choose a page, or type an address"):
        MenuLink(menu=menu, text="Nowhere").full_clean()
    with pytest.raises(ValidationError, match="not both"):
        MenuLink(menu=menu, text="Both", page=home, url="/jobs/").full_clean()


@pytest.mark.django_db
def test_breadcrumbs_lead_from_home_to_the_page(client, guides):
    guide = GuidePageFactory(parent=guides, title="Spent convictions")

    crumbs = parse(client.get(guide.url)).select_one("nav[aria-label=Breadcrumb]")

    assert [(a.text, a["href"]) for a in crumbs.select("a")] == [
        ("Home", "/"),
        ("Guides", "/guides/"),
    ]
    assert crumbs.select_one("[aria-current=page]").text == "Spent convictions"


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumbs(client, home):
    assert parse(client.get("/")).select_one("nav[aria-label=Breadcrumb]") is None


@pytest.mark.django_db
def test_pages_carry_seo_and_sharing_tags(client, guides, media_root):
    guide = GuidePageFactory(
        parent=guides,
        title="Spent convictions",
        seo_title="Spent convictions explained",
        search_description="When a conviction stops counting.",
        social_image=ImageFactory(),
    )

    head = parse(client.get(guide.url)).head

    def meta(prop):
        tag = head.select_one(f"meta[property='{prop}']") or head.select_one(f"meta[name='{prop}']")
        return tag["content"] if tag else None

    assert head.title.text.startswith("Spent convictions explained")
    assert meta("description") == "When a conviction stops counting."
    assert meta("og:title") == "Spent convictions explained"
    assert meta("og:description") == "When a conviction stops counting."
    assert meta("og:url") == f"{settings.SITE_URL}{guide.url}"
    assert meta("og:image").startswith("http://")
    assert meta("og:image").endswith(".png")
    assert meta("og:image:alt") == "Two people talking at a desk"
    assert meta("twitter:card") == "summary_large_image"
    assert head.select_one("link[rel=canonical]")["href"] == f"{settings.SITE_URL}{guide.url}"


@pytest.mark.django_db
def test_without_a_search_description_pages_share_their_introduction(client, guides):
    guide = GuidePageFactory(parent=guides, intro="When you do not have to mention it.")

    head = parse(client.get(guide.url)).head

    assert head.select_one("meta[name=description]")["content"] == (
        "When you do not have to mention it."
    )
    assert head.select_one("meta[property='og:image']") is None
