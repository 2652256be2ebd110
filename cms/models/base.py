from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

# Rich text on our pages: headings below the page's h1, lists and links.
PAGE_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
LIST_FEATURES = ["ul", "ol", "bold", "link"]


class SitePage(Page):
    """What every page of the site has: a picture for sharing, besides Wagtail's SEO fields."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown when someone shares this page on social media or in a chat. "
            "Wide pictures work best (1200 by 630 pixels)."
        ),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def sharing_description(self) -> str:
        """The search description, or else the page's own short introduction."""
        return self.search_description or getattr(self, "intro", "")


class SectionPage(SitePage):
    """A page of its own kind directly under the home page, such as the guides list."""

    intro = models.TextField(
        max_length=400, help_text="One or two plain sentences at the top of the page."
    )

    content_panels = [*SitePage.content_panels, FieldPanel("intro")]
    search_fields = [*SitePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
