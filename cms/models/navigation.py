from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class MenuLocation(models.TextChoices):
    MAIN = "main", "Main menu, at the top of every page"
    FOOTER = "footer", "Footer, at the bottom of every page"


class Menu(ClusterableModel):
    """The links at the top or the bottom of every page; base.html adds the account links."""

    location = models.CharField(
        max_length=10,
        choices=MenuLocation.choices,
        unique=True,
        error_messages={"unique": "There is already a menu here. Change that one instead."},
    )
    footer_text = models.TextField(
        blank=True,
        max_length=400,
        help_text="Footer only: a line or two under the links.",
    )

    panels = [
        FieldPanel("location"),
        InlinePanel("links", heading="Links", label="Link"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        ordering = ["location"]

    def __str__(self) -> str:
        return self.get_location_display()


class MenuLink(Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="links")
    text = models.CharField(max_length=60, help_text="Two or three words.")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A page of the site. Unpublished pages are left out of the menu.",
    )
    url = models.CharField(
        "or an address",
        max_length=300,
        blank=True,
        help_text="For what is not a page in the page tree, such as /jobs/.",
    )

    panels = [FieldPanel("text"), FieldPanel("page"), FieldPanel("url")]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        if self.page_id and self.url:
            raise ValidationError("Choose a page or type an address, not both.")
        if not self.page_id and not self.url:
            raise ValidationError("Choose a page, or type an address such as /jobs/.")
