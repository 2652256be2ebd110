"""The sitemap at /sitemap.xml: live pages, visible postings and employer pages."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap

from employers.selectors import public_employers
from jobs.models import JobPosting


class PostingSitemap(Sitemap):
    """Exactly the visible postings: the same queryset the job pages use."""

    changefreq = "daily"

    def items(self):
        return JobPosting.objects.visible().order_by("pk")

    def lastmod(self, posting):
        return posting.updated_at


class EmployerSitemap(Sitemap):
    """Employers worth finding: verified ones, and any with an open role."""

    changefreq = "weekly"

    def items(self):
        return public_employers().order_by("pk")

    def lastmod(self, employer):
        return employer.updated_at


SITEMAPS = {"pages": PagesSitemap, "postings": PostingSitemap, "employers": EmployerSitemap}
