from django.urls import path

from . import employer_views, preference_views, views

app_name = "candidates"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile"),
    path("profile/experience/", views.experience_edit, name="experience"),
    path("profile/cv/", views.cv_manage, name="cv"),
    path("profile/cv/delete/", views.cv_remove, name="cv-delete"),
    path("profile/preferences/", preference_views.preferences_edit, name="preferences"),
    path(
        "profile/preferences/delete/",
        preference_views.preferences_remove,
        name="preferences-delete",
    ),
    path("candidates/<uuid:public_id>/", views.profile_detail, name="profile-detail"),
    path("candidates/<uuid:public_id>/cv/", views.cv_download, name="cv-download"),
    path(
        # Not under postings/<pk>/: that level is the posting's actions.
        "hire/<slug:slug>/matches/<int:pk>/",
        employer_views.posting_candidates,
        name="posting-candidates",
    ),
    path(
        "hire/<slug:slug>/matches/<int:pk>/invite/<uuid:public_id>/",
        employer_views.invite,
        name="invite",
    ),
]
