from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from fairsite.admin_access import PermissionMenuItem

from . import admin_views
from .entitlements import GRANT
from .models import Product
from .stripe_api import payments_enabled

admin_urls = [path("grants/", admin_views.GrantCreditsView.as_view(), name="grant")]


@hooks.register("register_admin_urls")
def register_billing_urls():
    return [path("billing/", include((admin_urls, "billing_admin")))]


@hooks.register("register_admin_menu_item")
def grants_menu_item():
    return PermissionMenuItem(
        "Free credits",
        reverse("billing_admin:grant"),
        icon_name="gift",
        order=170,
        permission=GRANT,
    )


class PaymentsOffPanel(Component):
    """On the admin dashboard, when no Stripe key is set: say that payments are off."""

    name = "payments_off"
    order = 40
    template_name = "billing/admin/payments_off_panel.html"


@hooks.register("construct_homepage_panels")
def add_payments_off_panel(request, panels):
    if not payments_enabled() and request.user.is_staff:
        panels.append(PaymentsOffPanel())


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = "Products"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "price_text", "grants_text", "is_on_sale"]
    list_filter = ["kind", "is_on_sale"]
    index_template_name = "billing/admin/product_index.html"
    panels = [
        HelpPanel(
            template="billing/admin/payments_off_help.html",
        ),
        FieldPanel("name", help_text="What employers see, such as “One job posting”."),
        FieldPanel("description", help_text="Optional: one plain sentence about it."),
        FieldPanel(
            "kind",
            help_text="Posting credits pay for postings one each. A featured posting is "
            "marked “Featured” for some days. A monthly plan allows a number of postings "
            "at once for as long as it is paid.",
        ),
        FieldRowPanel(
            [
                FieldPanel("price", help_text="What it costs (a plan: each month)."),
                FieldPanel("currency"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldPanel("credits", help_text="Posting credits only: how many it gives."),
                FieldPanel("featured_days", help_text="Featured posting only: for how many days."),
                FieldPanel(
                    "plan_postings",
                    help_text="Monthly plan only: how many postings can be in review or live "
                    "at once.",
                ),
            ],
            heading="What it grants",
        ),
        FieldPanel(
            "is_on_sale",
            help_text="Untick to stop selling it. Past orders keep what they bought.",
        ),
        FieldPanel("sort_order", help_text="Lower numbers are listed first."),
    ]


register_snippet(ProductViewSet)
