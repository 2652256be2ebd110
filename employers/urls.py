from django.urls import path

from . import views

app_name = "employers"

urlpatterns = [
    path("employers/<slug:slug>/", views.employer_detail, name="detail"),
    path("hire/", views.hire_home, name="hire"),
    path("hire/new/", views.employer_create, name="create"),
    path("hire/invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("hire/<slug:slug>/", views.employer_dashboard, name="dashboard"),
    path("hire/<slug:slug>/profile/", views.employer_edit, name="edit"),
    path("hire/<slug:slug>/policy/", views.policy_edit, name="policy"),
    path("hire/<slug:slug>/verification/", views.request_verification, name="request-verification"),
    path("hire/<slug:slug>/team/", views.team, name="team"),
    path(
        "hire/<slug:slug>/team/<int:membership_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
]
