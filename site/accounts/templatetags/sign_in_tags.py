from django import template

from fairsite.accounts.sign_in_reasons import sign_in_reason as reason_for

register = template.Library()


@register.simple_tag(takes_context=True)
def sign_in_reason(context) -> str:
    """Why this visitor is asked to sign in ("" when the page they came from doesn't say)."""
    request = context.get("request")
    return reason_for(request) if request is not None else ""
