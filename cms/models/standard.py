from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import StandardBodyBlock

from .base import SitePage


class StandardPage(SitePage):
    """A plain page of text: about us, privacy, terms, accessibility."""

    intro = models.TextField(
        max_length=400, blank=True, help_text="One or two plain sentences at the top of the page."
    )
    body = StreamField(StandardBodyBlock(), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "standard page"
