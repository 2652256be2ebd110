"""Billing facts for pages that other apps own (the dashboard, a posting's page)."""

from django import template

from employers.models import Employer
from employers.selectors import is_member

from ..models import Product, ProductKind
from ..selectors import billing_summary
from ..stripe_api import payments_enabled

register = template.Library()


@register.simple_tag
def billing_for(employer: Employer, user) -> dict:
    """The employer's billing summary, whether `user` may buy, and whether featuring is sold."""
    summary = billing_summary(employer)
    return {
        "summary": summary,
        "is_owner": is_member(user, employer, owner=True),
        "featured_product": Product.objects.on_sale().filter(kind=ProductKind.FEATURED).first()
        if summary.payments_on
        else None,
    }


@register.simple_tag
def payments_on() -> bool:
    return payments_enabled()
