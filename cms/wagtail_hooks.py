"""The CMS in the Wagtail admin: menus as snippets, the guides listing and its review warnings."""

from django.urls import reverse
from django.utils.dateformat import format as format_date
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GuidePage, Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = "Menus"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__"]


register_snippet(MenuViewSet)


class GuideListingViewSet(PageListingViewSet):
    """Every guide in one list, with when it was last reviewed and which are due."""

    model = GuidePage
    icon = "doc-full"
    menu_label = "Guides"
    menu_order = 320
    add_to_admin_menu = True
    name = "guides"
    columns = [
        *IndexView.base_columns,
        Column(
            "last_reviewed",
            label="Last reviewed",
            sort_key="last_reviewed",
            accessor=lambda guide: format_date(guide.last_reviewed, "j M Y"),
        ),
        StatusTagColumn(
            "review",
            label="Review",
            accessor=lambda guide: "Due for review" if guide.is_review_due else "Up to date",
            primary=lambda guide: guide.is_review_due,
        ),
    ]


@hooks.register("register_admin_viewset")
def register_guide_listing():
    return GuideListingViewSet()


class GuidesDueForReviewPanel(Component):
    """On the admin dashboard: live guides nobody has checked for a year."""

    name = "guides_due_for_review"
    order = 60
    template_name = "cms/admin/guides_due_panel.html"

    def __init__(self, guides):
        self.guides = guides

    def get_context_data(self, parent_context=None):
        return {
            "guides": self.guides,
            "listing_url": reverse("guides:index") + "?ordering=last_reviewed",
        }


@hooks.register("construct_homepage_panels")
def add_guides_due_panel(request, panels):
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    guides = list(
        GuidePage.objects.live()
        .due_for_review()
        .filter(pk__in=editable.values("pk"))
        .order_by("last_reviewed")[:10]
    )
    if guides:
        panels.append(GuidesDueForReviewPanel(guides))
