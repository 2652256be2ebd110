"""StreamField blocks editors arrange on pages.

Blocks that show postings or employers hold only the editor's choices (a
heading, how many to show); what they list is read live, through
cms.selectors, every time the page is shown.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from fairsite.places import ATTRIBUTION
from fairsite.search.client import SearchUnavailable
from jobs.market import CHARTS, market_counts

from . import selectors
from .charts import column_chart, horizontal_bar_chart

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="The page's main heading.")
    intro = blocks.TextBlock(
        required=False, max_length=400, help_text="One or two plain sentences."
    )
    show_search = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Show the job search box",
        help_text="A box for a job and a place, which opens the job search.",
    )

    class Meta:
        template = "cms/blocks/hero.html"
        icon = "title"
        label = "Hero"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link_text = blocks.CharBlock(max_length=60)
    link_url = blocks.CharBlock(max_length=300, help_text="A page on this site, such as /jobs/.")

    class Meta:
        template = "cms/blocks/call_to_action.html"
        icon = "link"
        label = "Call to action"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "cms/blocks/rich_text.html"
        icon = "pilcrow"
        label = "Text"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Describe the picture in the alt text, unless it is only decoration."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        template = "cms/blocks/image_with_caption.html"
        icon = "image"
        label = "Image with caption"


class _LiveListBlock(blocks.StructBlock):
    """A heading and a number; the list itself is read when the page is shown."""

    heading = blocks.CharBlock(max_length=120)
    how_many = blocks.IntegerBlock(min_value=1, max_value=12, default=5)

    def items(self, how_many: int):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = self.items(value["how_many"])
        return context


class FeaturedRolesBlock(_LiveListBlock):
    def items(self, how_many):
        return selectors.featured_postings(limit=how_many)

    class Meta:
        template = "cms/blocks/roles.html"
        icon = "pick"
        label = "Featured jobs (live)"
        help_text = "Open jobs whose employers paid to feature them. Hidden when there are none."
        default = {"heading": "Featured jobs", "how_many": 3}


class LatestRolesBlock(_LiveListBlock):
    def items(self, how_many):
        return selectors.latest_postings(limit=how_many)

    class Meta:
        template = "cms/blocks/roles.html"
        icon = "list-ul"
        label = "Latest jobs (live)"
        help_text = "The newest open jobs."
        default = {"heading": "Latest jobs", "how_many": 5}


class VerifiedEmployersBlock(_LiveListBlock):
    def items(self, how_many):
        return selectors.verified_employers(limit=how_many)

    class Meta:
        template = "cms/blocks/verified_employers.html"
        icon = "group"
        label = "Verified employers (live)"
        help_text = "Employers whose fair-chance policy an editor has checked."
        default = {"heading": "Employers we have checked", "how_many": 6}


class HowItWorksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="For example: Looking for work?")
    audience = blocks.ChoiceBlock(
        choices=[
            ("job-seekers", "Job seekers"),
            ("employers", "Employers"),
            ("reentry-professionals", "Reentry professionals"),
        ],
        help_text="Who these steps are for.",
    )
    steps = blocks.ListBlock(
        blocks.TextBlock(max_length=300), min_num=1, max_num=5, help_text="One short step each."
    )
    link_text = blocks.CharBlock(required=False, max_length=60)
    link_url = blocks.CharBlock(required=False, max_length=300, help_text="Such as /jobs/.")

    class Meta:
        template = "cms/blocks/how_it_works.html"
        icon = "list-ol"
        label = "How it works"


class HomeBodyBlock(blocks.StreamBlock):
    hero = HeroBlock()
    featured_roles = FeaturedRolesBlock()
    latest_roles = LatestRolesBlock()
    verified_employers = VerifiedEmployersBlock()
    how_it_works = HowItWorksBlock()
    call_to_action = CallToActionBlock()
    text = RichTextBlock()
    image = ImageWithCaptionBlock()

    class Meta:
        # The hero holds the page's one h1.
        block_counts = {"hero": {"max_num": 1}}


class OfficialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=150, help_text="What the page is, such as 'Spent convictions'."
    )
    url = blocks.URLBlock(help_text="Only official sources, such as gov.uk or eeoc.gov.")
    description = blocks.CharBlock(required=False, max_length=250)


class OfficialLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Where to check")
    links = blocks.ListBlock(OfficialLinkBlock(), min_num=1)

    class Meta:
        template = "cms/blocks/official_links.html"
        icon = "site"
        label = "Official sources"


class GuideBodyBlock(blocks.StreamBlock):
    text = RichTextBlock()
    official_links = OfficialLinksBlock()
    call_to_action = CallToActionBlock()
    image = ImageWithCaptionBlock()


class MarketChartBlock(blocks.StructBlock):
    """A chart of open roles, read live from the job search index, with its figures."""

    chart = blocks.ChoiceBlock(
        choices=[(key, title) for key, (title, _field, _label) in CHARTS.items()],
        help_text="What to count. The numbers are read live when someone visits.",
    )
    heading = blocks.CharBlock(
        max_length=120, required=False, help_text="Leave empty for the chart's own name."
    )
    intro = blocks.TextBlock(
        required=False, max_length=400, help_text="A sentence on what the chart shows."
    )

    class Meta:
        template = "cms/blocks/market_chart.html"
        icon = "table"
        label = "Market chart (live)"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        title = CHARTS[value["chart"]][0]
        context["title"] = value["heading"] or title
        try:
            bars = market_counts(value["chart"])
        except SearchUnavailable:
            context["unavailable"] = True
            return context
        context["bars"] = bars
        context["total"] = sum(bar.count for bar in bars)
        if bars and any(bar.count for bar in bars):
            draw = column_chart if value["chart"] == "week" else horizontal_bar_chart
            context["svg"] = draw(bars, title=context["title"])
        return context


class InsightsBodyBlock(blocks.StreamBlock):
    chart = MarketChartBlock()
    text = RichTextBlock()


class DataCreditsBlock(blocks.StaticBlock):
    """The credit the place data's licences require, always in its current words."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["attribution"] = ATTRIBUTION
        return context

    class Meta:
        template = "cms/blocks/data_credits.html"
        icon = "info-circle"
        label = "Data credits (place data licences)"
        admin_text = "Shows the credit that the place data's licences require."


class StandardBodyBlock(GuideBodyBlock):
    data_credits = DataCreditsBlock()
