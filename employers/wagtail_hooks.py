from django.urls import include, path, reverse
from wagtail import hooks

from fairsite.admin_access import PermissionMenuItem

from . import admin_views
from .services import VERIFY

admin_urls = [
    path("", admin_views.EmployerListView.as_view(), name="list"),
    path("<int:pk>/", admin_views.EmployerReviewView.as_view(), name="review"),
]


@hooks.register("register_admin_urls")
def register_employer_urls():
    return [path("employers/", include((admin_urls, "employers_admin")))]


@hooks.register("register_admin_menu_item")
def employers_menu_item():
    return PermissionMenuItem(
        "Employers",
        reverse("employers_admin:list"),
        icon_name="group",
        order=160,
        permission=VERIFY,
    )
