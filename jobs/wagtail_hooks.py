from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from employers.models import Employer, VerificationStatus
from employers.services import VERIFY
from fairsite.admin_access import PermissionMenuItem

from . import admin_views
from .models import Credential
from .services import MODERATE

admin_urls = [
    path("", admin_views.ModerationQueueView.as_view(), name="queue"),
    path("<int:pk>/", admin_views.PostingReviewView.as_view(), name="review"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include((admin_urls, "jobs_admin")))]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return PermissionMenuItem(
        "Moderation",
        reverse("jobs_admin:queue"),
        icon_name="tasks",
        order=150,
        permission=MODERATE,
    )


class WaitingWorkPanel(Component):
    """On the admin dashboard: how much is waiting for editors, with links."""

    name = "waiting_work"
    order = 50
    template_name = "jobs/admin/waiting_work_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        items = []
        if user.has_perm(MODERATE):
            items.append(
                {
                    "label": "Postings waiting for review",
                    "count": admin_views.pending_postings().count(),
                    "url": reverse("jobs_admin:queue"),
                }
            )
        if user.has_perm(VERIFY):
            items.append(
                {
                    "label": "Employers waiting for verification",
                    "count": Employer.objects.filter(
                        verification_status=VerificationStatus.PENDING
                    ).count(),
                    "url": reverse("employers_admin:list") + "?status=pending",
                }
            )
        return {"items": items}


@hooks.register("construct_homepage_panels")
def add_waiting_work_panel(request, panels):
    if request.user.has_perm(MODERATE) or request.user.has_perm(VERIFY):
        panels.append(WaitingWorkPanel(request))


class CredentialViewSet(SnippetViewSet):
    model = Credential
    icon = "tick-inverse"
    menu_label = "Credentials"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "abbreviation", "issuer"]
    search_fields = ["name", "abbreviation", "issuer"]
    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation", help_text="A short form people know, such as CPORS."),
        FieldPanel("slug", help_text="Used in web addresses. Lowercase letters and dashes."),
        FieldPanel("issuer", help_text="Who awards it, if one body does."),
        FieldPanel("summary", help_text="Two or three plain sentences on what it covers."),
    ]


register_snippet(CredentialViewSet)
