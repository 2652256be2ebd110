"""Billing emails to an employer's owners, each at most once per cause.

The dedupe key names the cause (this order was paid, this invoice failed), not
the webhook event: Stripe can report one cause through several events, and the
person should still get one email.
"""

from django.urls import reverse

from employers.models import Employer
from employers.selectors import owner_emails
from fairsite.mail.delivery import queue_email


def email_owners(*, employer: Employer, template: str, context: dict, cause: str) -> None:
    """Queue `template` to the employer's owners in the caller's transaction, once per cause."""
    recipients = owner_emails(employer)
    if not recipients:
        return
    queue_email(
        to=recipients,
        template=template,
        context={
            "employer": employer,
            "billing_path": reverse("billing:overview", kwargs={"slug": employer.slug}),
            **context,
        },
        dedupe_key=f"billing:{cause}"[:200],
    )
