from django.urls import path

from . import employer_views, print_views, views, widget
from .applications import candidate_views
from .applications import employer_views as applicant_views

app_name = "jobs"

urlpatterns = [
    path("jobs/", views.posting_list, name="list"),
    path("jobs/suggest/", views.posting_suggestions, name="suggest"),
    path("jobs/print/", print_views.printed_search, name="print"),
    path("jobs/print/new-this-week/", print_views.new_jobs_this_week, name="print-new"),
    path("j/<int:pk>/", print_views.short_link, name="short"),
    path("widget/jobs/", widget.widget_page, name="widget"),
    path("widget/jobs.js", widget.widget_script, name="widget-script"),
    path("jobs/<int:pk>/<slug:slug>/", views.posting_detail, name="detail"),
    path("jobs/<int:pk>/<slug:slug>/apply/", candidate_views.apply, name="apply"),
    path("applications/", candidate_views.application_list, name="applications"),
    path("applications/<int:pk>/", candidate_views.application_detail, name="application"),
    path(
        "applications/<int:pk>/withdraw/",
        candidate_views.application_withdraw,
        name="application-withdraw",
    ),
    # Before the posting actions below, whose <action> would match "applicants".
    path(
        "hire/<slug:slug>/postings/<int:pk>/applicants/",
        applicant_views.posting_applicants,
        name="applicants",
    ),
    path(
        "hire/<slug:slug>/applicants/<int:pk>/", applicant_views.applicant_detail, name="applicant"
    ),
    path(
        "hire/<slug:slug>/applicants/<int:pk>/cv/",
        applicant_views.applicant_cv,
        name="applicant-cv",
    ),
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
