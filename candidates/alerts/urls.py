from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.alert_list, name="list"),
    path("alerts/new/", views.alert_create, name="create"),
    path("alerts/<int:pk>/edit/", views.alert_edit, name="edit"),
    path("alerts/<int:pk>/pause/", views.alert_pause, name="pause"),
    path("alerts/<int:pk>/resume/", views.alert_resume, name="resume"),
    path("alerts/<int:pk>/delete/", views.alert_delete, name="delete"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
