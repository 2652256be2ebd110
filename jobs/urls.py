from django.urls import path

from . import employer_views, views, widget

app_name = "jobs"

urlpatterns = [
    path("jobs/", views.posting_list, name="list"),
    path("jobs/suggest/", views.posting_suggestions, name="suggest"),
    path("widget/jobs/", widget.widget_page, name="widget"),
    path("widget/jobs.js", widget.widget_script, name="widget-script"),
    path("jobs/<int:pk>/<slug:slug>/", views.posting_detail, name="detail"),
    path("hire/<slug:slug>/postings/new/", employer_views.posting_new, name="new"),
    path("hire/<slug:slug>/postings/<int:pk>/", employer_views.posting_preview, name="preview"),
    path("hire/<slug:slug>/postings/<int:pk>/edit/", employer_views.posting_edit, name="edit"),
    path(
        "hire/<slug:slug>/postings/<int:pk>/submit/",
        employer_views.posting_submit,
        name="submit",
    ),
    path(
        "hire/<slug:slug>/postings/<int:pk>/<slug:action>/",
        employer_views.posting_action,
        name="action",
    ),
]
