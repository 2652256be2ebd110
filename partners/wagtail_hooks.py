from django.urls import include, path, reverse
from wagtail import hooks

from employers.selectors import VERIFY
from fairsite.admin_access import PermissionMenuItem

from .organisation_views import ReentryListView

admin_urls = [path("", ReentryListView.as_view(), name="list")]


@hooks.register("register_admin_urls")
def register_reentry_urls():
    return [path("reentry-organisations/", include((admin_urls, "partners_admin")))]


@hooks.register("register_admin_menu_item")
def reentry_menu_item():
    return PermissionMenuItem(
        "Reentry organisations",
        reverse("partners_admin:list"),
        icon_name="group",
        order=170,
        permission=VERIFY,
    )
