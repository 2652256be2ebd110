from django.urls import path

from . import caseload_views, organisation_views, seeker_views

app_name = "partners"

urlpatterns = [
    # The seeker's side.
    path("case-workers/", seeker_views.access, name="access"),
    path("case-workers/invite/", seeker_views.invite, name="invite"),
    path("case-workers/code/", seeker_views.redeem_code, name="redeem-code"),
    path("case-workers/<uuid:public_id>/end/", seeker_views.end, name="end"),
    path(
        "case-workers/invitations/<int:pk>/cancel/",
        seeker_views.invitation_cancel,
        name="invitation-cancel",
    ),
    path("case-workers/ready/<int:pk>/", seeker_views.prepared, name="prepared"),
    path(
        "case-workers/ready/<int:pk>/set-aside/",
        seeker_views.prepared_dismiss,
        name="prepared-dismiss",
    ),
    # The case worker's side.
    path("caseload/", caseload_views.caseload, name="caseload"),
    path("caseload/codes/", caseload_views.code_create, name="code-create"),
    path(
        "caseload/invitations/<str:token>/",
        caseload_views.invitation_accept,
        name="invitation-accept",
    ),
    path("caseload/<uuid:public_id>/", caseload_views.person, name="person"),
    path("caseload/<uuid:public_id>/stop/", caseload_views.stop, name="stop"),
    path(
        "caseload/<uuid:public_id>/jobs/<int:posting_id>/save/",
        caseload_views.save_job,
        name="save-job",
    ),
    path(
        "caseload/<uuid:public_id>/jobs/<int:posting_id>/prepare/",
        caseload_views.prepare,
        name="prepare",
    ),
    # An organisation's owners.
    path("hire/<slug:slug>/reentry/", organisation_views.reentry_register, name="register"),
]
