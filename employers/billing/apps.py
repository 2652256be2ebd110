from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "employers.billing"
    label = "billing"
    verbose_name = "Billing"

    def ready(self):
        from fairsite.scheduler import every

        from . import (
            checks,  # noqa: F401  (registers the configuration checks)
            personal_data,
        )
        from .plans import plans_enforce

        personal_data.register()

        # After a failed renewal's grace period, the plan's extra postings pause.
        every(3600, name="billing.enforce_plans")(plans_enforce)
