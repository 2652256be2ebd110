from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "employers.billing"
    label = "billing"
    verbose_name = "Billing"

    def ready(self):
        from . import checks  # noqa: F401  (registers the configuration checks)
