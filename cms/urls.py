from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .sitemaps import SITEMAPS

app_name = "cms"

urlpatterns = [
    path("search/", views.site_search, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
