"""The site's own public address (SITE_URL): where every absolute link, the sitemap,
canonical links and the account emails get it from.

Two database records also hold it, and both are set from SITE_URL whenever
`manage.py migrate` runs (every deploy's first step): Wagtail's default Site
(page addresses in the sitemap, canonical and og:url links) and Django's sites
framework record (the name and domain allauth's emails show, the sitemap's
other entries). /healthz reports when they no longer agree with SITE_URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class SiteAddress:
    scheme: str
    hostname: str
    port: int

    @property
    def domain(self) -> str:
        """Host, and port when it is not the scheme's own."""
        if self.port == DEFAULT_PORTS[self.scheme]:
            return self.hostname
        return f"{self.hostname}:{self.port}"


def parse_site_url(url: str) -> SiteAddress:
    """SITE_URL's parts; ValueError, saying what is wrong, for anything but a bare origin."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"SITE_URL must look like https://jobs.example.org, not {url!r}")
    if parts.path not in {"", "/"} or parts.query or parts.fragment or parts.username:
        raise ValueError(f"SITE_URL must be the site's origin alone, not {url!r}")
    return SiteAddress(
        scheme=parts.scheme,
        hostname=parts.hostname,
        port=parts.port or DEFAULT_PORTS[parts.scheme],
    )


def site_address() -> SiteAddress:
    return parse_site_url(settings.SITE_URL)


def absolute_url(path: str) -> str:
    """The public address of a path on this site (``/jobs/1/`` -> https://host/jobs/1/).

    An address that is absolute already (a file in a remote store) is kept."""
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}{path}"


def site_records_update(**kwargs) -> None:
    """Set Django's and Wagtail's site records from SITE_URL (a post_migrate receiver)."""
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site as WagtailSite

    address = site_address()
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": address.domain, "name": settings.SITE_NAME}
    )
    DjangoSite.objects.clear_cache()
    WagtailSite.objects.filter(is_default_site=True).update(
        hostname=address.hostname, port=address.port, site_name=settings.SITE_NAME
    )
    WagtailSite.clear_site_root_paths_cache()


def site_records_mismatch() -> list[str]:
    """What in the database disagrees with SITE_URL (empty when all is well)."""
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site as WagtailSite

    address = site_address()
    problems = []
    django_site = DjangoSite.objects.filter(pk=settings.SITE_ID).first()
    if django_site is None or django_site.domain != address.domain:
        problems.append(f"sites framework: {django_site.domain if django_site else 'none'}")
    wagtail_site = WagtailSite.objects.filter(is_default_site=True).first()
    if wagtail_site is not None and wagtail_site.root_url != settings.SITE_URL:
        problems.append(f"Wagtail site: {wagtail_site.root_url}")
    return problems
