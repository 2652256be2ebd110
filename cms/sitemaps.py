"""The sitemap at /sitemap.xml: live pages, visible postings and employer pages."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap

from employers.selectors import public_employers
from fairsite.site_address import site_address
from jobs.models import JobPosting


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL: the domain is the sites framework's record (set from
    it), and the scheme is SITE_URL's, whatever the request came in by."""

    @property
    def protocol(self) -> str:
        return site_address().scheme


class PostingSitemap(SiteSitemap):
    """Exactly the visible postings: the same queryset the job pages use."""

    changefreq = "daily"

    def items(self):
        return JobPosting.objects.visible().order_by("pk")

    def lastmod(self, posting):
        return posting.updated_at


class EmployerSitemap(SiteSitemap):
    """Employers worth finding: verified ones, and any with an open role."""

    changefreq = "weekly"

    def items(self):
        return public_employers().order_by("pk")

    def lastmod(self, employer):
        return employer.updated_at


SITEMAPS = {"pages": PagesSitemap, "postings": PostingSitemap, "employers": EmployerSitemap}
