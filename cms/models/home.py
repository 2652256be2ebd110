from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import HomeBodyBlock

from .base import SitePage


class HomePage(SitePage):
    body = StreamField(
        HomeBodyBlock(),
        blank=True,
        help_text=(
            "Arrange the blocks of the home page. Blocks marked 'live' list open "
            "jobs or employers as they are when someone visits."
        ),
    )

    content_panels = [*SitePage.content_panels, FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]

    # There is one home page: at the root of the site.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.CredentialIndexPage",
        "cms.CareerPathIndexPage",
        "cms.EmployerDirectoryPage",
        "cms.GuideIndexPage",
        "cms.InsightsPage",
        "cms.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    @property
    def hero(self):
        return self.body.first_block_by_name("hero")
