from django.urls import path

from . import views, webhooks

app_name = "billing"

urlpatterns = [
    path("hire/<slug:slug>/billing/", views.billing_overview, name="overview"),
    path("hire/<slug:slug>/billing/buy/", views.buy, name="buy"),
    path("hire/<slug:slug>/billing/orders/<int:pk>/", views.order_detail, name="order"),
    path(
        "hire/<slug:slug>/billing/orders/<int:pk>/cancelled/",
        views.order_cancelled,
        name="order-cancelled",
    ),
    path("hire/<slug:slug>/billing/portal/", views.portal, name="portal"),
    path("stripe/webhook/", webhooks.stripe_webhook, name="webhook"),
]
