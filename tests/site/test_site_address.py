"""The site knows its own address: the site records, the sitemap, canonical links
and account emails all say SITE_URL's, and /healthz notices when they do not."""

import re

import pytest
from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from wagtail.models import Site as WagtailSite

from fairsite.site_address import (
    absolute_url,
    parse_site_url,
    site_records_mismatch,
    site_records_update,
)
from tests.cms.factories import GuideIndexPageFactory, GuidePageFactory
from tests.factories import PublishedPostingFactory, UserFactory
from tests.html import parse

PUBLIC = "https://jobs.example.org"


@pytest.mark.parametrize(
    ("url", "domain", "port"),
    [
        ("https://jobs.example.org", "jobs.example.org", 443),
        ("https://jobs.example.org/", "jobs.example.org", 443),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", 8000),
        ("http://intranet.test", "intranet.test", 80),
    ],
)
def test_site_url_parts(url, domain, port):
    address = parse_site_url(url)

    assert (address.domain, address.port) == (domain, port)


@pytest.mark.parametrize(
    "url", ["jobs.example.org", "ftp://jobs.example.org", "https://jobs.example.org/jobs", ""]
)
def test_a_site_url_that_is_not_an_origin_is_refused(url):
    with pytest.raises(ValueError, match="SITE_URL must"):
        parse_site_url(url)


def test_absolute_url_keeps_an_address_that_is_absolute_already():
    assert absolute_url("/jobs/") == f"{settings.SITE_URL}/jobs/"
    assert absolute_url("https://files.example.net/a.png") == "https://files.example.net/a.png"


@pytest.mark.django_db
def test_migrate_leaves_both_site_records_on_site_url(home_page):
    assert site_records_mismatch() == []
    assert DjangoSite.objects.get_current().name == "Fair Chance Jobs"
    assert WagtailSite.objects.get(is_default_site=True).root_url == settings.SITE_URL


@pytest.fixture
def forget_site_cache():
    """The sites framework keeps its record in memory; the test's database changes
    roll back, so the memory must be cleared too."""
    yield
    DjangoSite.objects.clear_cache()
    WagtailSite.clear_site_root_paths_cache()


@pytest.fixture
def public_site(settings, home_page, forget_site_cache):
    """SITE_URL changed to a public https address, and the records set from it as
    `migrate` sets them on a deploy."""
    settings.SITE_URL = PUBLIC
    site_records_update()
    return home_page


@pytest.mark.django_db
def test_the_sitemap_carries_site_urls_host_whatever_host_was_asked(client, public_site):
    guides = GuideIndexPageFactory(parent=public_site)
    GuidePageFactory(parent=guides)
    PublishedPostingFactory()

    response = client.get("/sitemap.xml", HTTP_HOST="localhost")

    urls = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert len(urls) >= 4
    assert all(url.startswith(f"{PUBLIC}/") for url in urls), urls


@pytest.mark.django_db
def test_canonical_and_og_url_carry_site_urls_host(client, public_site):
    guides = GuideIndexPageFactory(parent=public_site)
    guide = GuidePageFactory(parent=guides)

    head = parse(client.get(guide.url, HTTP_HOST="localhost")).head

    assert head.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}{guide.url}"
    assert head.select_one("meta[property='og:url']")["content"] == f"{PUBLIC}{guide.url}"


@pytest.mark.django_db
def test_healthz_reports_site_records_that_differ_from_site_url(
    client, es, settings, forget_site_cache
):
    assert client.get("/healthz").json()["checks"]["site"]["up"] is True

    settings.SITE_URL = PUBLIC
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["site"]
    assert "manage.py migrate" in body["checks"]["site"]["detail"]
    site_records_update()
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_account_emails_name_the_site(client):
    user = UserFactory()
    client.post("/accounts/password/reset/", {"email": user.email})
    client.post(
        "/accounts/signup/",
        {
            "email": "names.the.site@example.org",
            "password1": "a-long-pass-phrase",
            "purpose": "find_work",
        },
    )

    assert len(mail.outbox) == 2
    domain = parse_site_url(settings.SITE_URL).domain
    for message in mail.outbox:
        assert "Hello from Fair Chance Jobs!" in message.body
        assert "Thank you for using Fair Chance Jobs!" in message.body
        assert domain in message.body
        assert "from !" not in message.body
        assert "using !" not in message.body
