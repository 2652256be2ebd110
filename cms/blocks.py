"""StreamField blocks editors arrange on pages."""

from wagtail import blocks


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="The page's main heading.")
    intro = blocks.TextBlock(
        required=False, max_length=400, help_text="One or two plain sentences."
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
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "ol", "ul", "link"])
        super().__init__(**kwargs)

    class Meta:
        template = "cms/blocks/rich_text.html"
        icon = "pilcrow"
        label = "Text"


class HomeBodyBlock(blocks.StreamBlock):
    hero = HeroBlock()
    text = RichTextBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        # The hero holds the page's one h1.
        block_counts = {"hero": {"max_num": 1}}
