"""Why a visitor was sent to sign in, in words, read from the page they came from.

A view that needs a signed-in person can say why by having a `sign_in_reason`
attribute: a function of the page's URL arguments that returns a sentence, or ""
when it has nothing to say (for example for a job nobody may see). The sign-in
and sign-up pages show that sentence above the form.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme


def sign_in_reason(request) -> str:
    """The reason for the page in the request's `next`, or "" when there is none."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not next_url or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return ""
    reason = getattr(match.func, "sign_in_reason", None)
    return reason(**match.kwargs) if reason else ""


def says_why(reason):
    """Decorator: give a view its `sign_in_reason` (put it outside login_required)."""

    def decorate(view):
        view.sign_in_reason = reason
        return view

    return decorate
