from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import HomeBodyBlock


class HomePage(Page):
    body = StreamField(
        HomeBodyBlock(), blank=True, help_text="Arrange the blocks of the home page."
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]

    # There is one home page: at the root of the site.
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    @property
    def hero(self):
        return self.body.first_block_by_name("hero")
