from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms import selectors
from jobs.models import Category, Credential

from .base import LIST_FEATURES, PAGE_TEXT_FEATURES, SectionPage, SitePage
from .credentials import CredentialPage


class CareerPathIndexPage(SectionPage):
    subpage_types = ["cms.CareerPathPage"]

    class Meta:
        verbose_name = "career paths list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = selectors.open_roles_by_category()
        pages = CareerPathPage.objects.child_of(self).live().public()
        context["career_paths"] = [(p, counts.get(p.category, 0)) for p in pages]
        return context


class CareerPathPage(SitePage):
    category = models.CharField(
        "job category",
        max_length=40,
        choices=Category.choices,
        help_text="Open jobs in this category are listed on the page, live.",
    )
    intro = models.TextField(max_length=400, help_text="The work in one or two plain sentences.")
    the_work = RichTextField(
        "what the work is", features=PAGE_TEXT_FEATURES, help_text="What a working week is like."
    )
    duties = RichTextField(
        "typical duties", features=LIST_FEATURES, help_text="A short bulleted list."
    )
    helpful_credentials = ParentalManyToManyField(
        Credential,
        blank=True,
        related_name="career_path_pages",
        verbose_name="credentials that help",
    )
    related_paths = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name="related career paths"
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("the_work"),
        FieldPanel("duties"),
        FieldPanel("helpful_credentials", widget=forms.CheckboxSelectMultiple),
        FieldPanel(
            "related_paths",
            widget=forms.CheckboxSelectMultiple,
            help_text="Only published career paths are shown on the page.",
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("the_work"),
        index.SearchField("duties"),
    ]

    parent_page_types = ["cms.CareerPathIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "career path page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        credentials = list(self.helpful_credentials.all())
        pages = CredentialPage.objects.live().public().filter(credential__in=credentials)
        page_for = {page.credential_id: page for page in pages}
        context["credentials"] = [(c, page_for.get(c.pk)) for c in credentials]
        context["live_roles"] = selectors.postings_in_category(self.category)
        # In a preview the chosen paths are held in memory, not yet in the database.
        chosen = [path.pk for path in self.related_paths.all()]
        context["related_paths"] = (
            CareerPathPage.objects.live().public().filter(pk__in=chosen).exclude(pk=self.pk)
        )
        return context
