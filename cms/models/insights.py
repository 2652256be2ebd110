from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import InsightsBodyBlock

from .base import SectionPage


class InsightsPage(SectionPage):
    """The market in charts: open roles by category, place and policy, over time."""

    body = StreamField(
        InsightsBodyBlock(),
        blank=True,
        help_text="Charts are counted live from the open jobs each time the page is shown.",
    )

    content_panels = [*SectionPage.content_panels, FieldPanel("body")]
    search_fields = [*SectionPage.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "market insights page"
