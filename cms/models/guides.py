from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import GuideBodyBlock
from cms.forms import GuideFilterForm
from cms.panels import ReviewDuePanel

from .base import SectionPage, SitePage


class GuideAudience(models.TextChoices):
    JOB_SEEKERS = "job-seekers", "Job seekers"
    EMPLOYERS = "employers", "Employers"


def a_year_before(day: date) -> date:
    # 29 February has no match a year earlier; 28 February is the same "year ago".
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


class GuidePageQuerySet(PageQuerySet):
    def due_for_review(self, *, today: date | None = None):
        """Guides last reviewed a year ago or longer."""
        today = today or timezone.localdate()
        return self.filter(last_reviewed__lte=a_year_before(today))


class GuideIndexPage(SectionPage):
    subpage_types = ["cms.GuidePage"]

    class Meta:
        verbose_name = "guides list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = GuidePage.objects.child_of(self).live().public()
        guides = published.order_by("title")
        form = GuideFilterForm(request.GET or None, audiences=GuideAudience.choices)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        if filters.get("audience"):
            guides = guides.filter(audience=filters["audience"])
        if filters.get("tag"):
            guides = guides.filter(tags__slug=filters["tag"])
            context["tag"] = Tag.objects.filter(slug=filters["tag"]).first()
        context["form"] = form
        context["guides"] = guides.prefetch_related("tags")
        context["tags"] = (
            Tag.objects.filter(cms_guidepagetag_items__content_object__in=published)
            .distinct()
            .order_by("name")
        )
        return context


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.GuidePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(SitePage):
    REVIEW_EVERY = "12 months"

    audience = models.CharField("written for", max_length=20, choices=GuideAudience.choices)
    intro = models.TextField(
        max_length=400, help_text="What the guide answers, in one or two plain sentences."
    )
    body = StreamField(
        GuideBodyBlock(),
        help_text=(
            "Short sentences and everyday words: aim for a reading age of about 11. "
            "For the law, link to official sources such as gov.uk or eeoc.gov."
        ),
    )
    tags = ClusterTaggableManager(through=GuidePageTag, blank=True)
    last_reviewed = models.DateField(
        help_text=(
            "The day someone last checked this guide is still right. Check it, and "
            f"change this date, at least every {REVIEW_EVERY}."
        ),
    )

    objects = PageManager.from_queryset(GuidePageQuerySet)()

    content_panels = [
        ReviewDuePanel(),
        *SitePage.content_panels,
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guide"

    def clean(self):
        super().clean()
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "The date can't be in the future."})

    @property
    def is_review_due(self) -> bool:
        if self.last_reviewed is None:
            return False
        return self.last_reviewed <= a_year_before(timezone.localdate())
