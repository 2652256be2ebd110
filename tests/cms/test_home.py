import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from cms.demo import load_home_page
from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_home_page_replaces_wagtails_placeholder_and_is_served_at_the_root(client):
    load_home_page()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.select("h1")) == 1
    assert page.select_one("a.skip-link")["href"] == "#main-content"
    assert page.select_one("main#main-content")
    assert page.select_one("header nav[aria-label]")
    assert page.select_one("footer")


def test_loading_the_demo_twice_keeps_one_home_page():
    load_home_page()
    load_home_page()

    assert HomePage.objects.count() == 1


class TestHomePageRules(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_renders_its_blocks(self):
        home = load_home_page()
        self.assertPageIsRenderable(home)
        response = self.client.get(home.url)
        self.assertContains(response, "Jobs with employers who give people a fair chance")
