from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accounts/settings/", views.account_settings, name="settings"),
    path("accounts/your-data/", views.data_export, name="export"),
    path("accounts/delete/", views.account_delete_view, name="delete"),
]
