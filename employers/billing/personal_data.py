"""What billing's models hold about a person: nothing but who clicked."""

from fairsite.accounts.personal_data import register_not_personal

from .models import CreditEntry, Invoice, Order, PostingAllowance, StripePayment, Subscription

ORGANISATION_RECORD = (
    "the organisation's purchase and accounting records, which it must keep; the "
    "link to the person who started it is cleared when their account is deleted"
)


def register() -> None:
    register_not_personal(Order, reason=ORGANISATION_RECORD)
    register_not_personal(CreditEntry, reason=ORGANISATION_RECORD)
    for model in (StripePayment, Subscription, PostingAllowance, Invoice):
        register_not_personal(
            model, reason="the organisation's billing record, reached only through an order"
        )
