"""Caching the parts of a page that every visitor who is not signed in sees alike.

    {% load public_cache %}
    {% public_fragment "posting" posting.pk %}...{% endpublic_fragment %}

For a visitor who is not signed in, the rendered fragment is kept in the
``fragments`` cache under its name, the values after it and the postings
index's generation (``fairsite.outbox.services.index_generation``): the number
that the transaction of every change that reaches the search index bumps
(a posting edited, closed or expired by hand, its employer verified or not, a
credential renamed). So the next view after such a change misses the cache and
renders afresh, in every web process. For a signed-in person the fragment is
always rendered, never read from or written to the cache, so nothing of one
person's ever lands in it.

What a fragment must never hold, because it differs per request: a CSRF token
(``{% csrf_token %}``) or a CSP nonce. A fragment whose rendering used either
is shown but not kept, and the mistake is logged.

The ``fragments`` cache is local memory in each web process, not the shared
database cache: the key that makes an entry out of date is read from the
database on each request, so processes never disagree about what is current;
an old entry is simply never asked for again and ages out. Local memory costs
no database round trip or write on the hot path, which is the point.
Entries also live at most ``FRAGMENT_SECONDS``, for what changes with the
clock alone (a paid feature running out, a posting passing its closing time).
"""

from __future__ import annotations

import hashlib
import logging

from django import template
from django.core.cache import caches

from fairsite.outbox.services import index_generation

logger = logging.getLogger(__name__)
register = template.Library()

CACHE = "fragments"
FRAGMENT_SECONDS = 60
INDEX = "postings"
_GENERATION_ATTRIBUTE = "_public_fragment_generation"


def is_public_request(request) -> bool:
    """True for a visitor who is not signed in: the only one who gets cached fragments."""
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def _generation(request) -> int:
    # Read once per request, so every fragment of a page agrees.
    if not hasattr(request, _GENERATION_ATTRIBUTE):
        setattr(request, _GENERATION_ATTRIBUTE, index_generation(INDEX))
    return getattr(request, _GENERATION_ATTRIBUTE)


def fragment_key(request, name: str, values: list) -> str:
    varying = hashlib.sha256(repr([str(value) for value in values]).encode()).hexdigest()[:32]
    return f"public:{name}:{_generation(request)}:{varying}"


def _render_watching_secrets(request, render) -> tuple[str, list[str]]:
    """Render, and say which per-request secrets the rendering put in the output."""
    meta = request.META
    csrf_before = meta.get("CSRF_COOKIE_NEEDS_UPDATE", False)
    meta["CSRF_COOKIE_NEEDS_UPDATE"] = False
    try:
        output = render()
        used = []
        if meta.get("CSRF_COOKIE_NEEDS_UPDATE"):
            used.append("a CSRF token")
        nonce = getattr(request, "_csp_nonce", None)
        if nonce and str(nonce) in output:
            used.append("a CSP nonce")
    finally:
        meta["CSRF_COOKIE_NEEDS_UPDATE"] = csrf_before or meta.get("CSRF_COOKIE_NEEDS_UPDATE")
    return output, used


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        request = context.get("request")
        if request is None or not is_public_request(request):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        key = fragment_key(request, name, [value.resolve(context) for value in self.values])
        cache = caches[CACHE]
        output = cache.get(key)
        if output is not None:
            return output
        output, used = _render_watching_secrets(request, lambda: self.nodelist.render(context))
        if used:
            logger.error("Fragment %r holds %s: not cached", name, " and ".join(used))
        else:
            cache.set(key, output, FRAGMENT_SECONDS)
        return output


@register.tag("public_fragment")
def public_fragment(parser, token):
    """``{% public_fragment "name" value ... %}`` ... ``{% endpublic_fragment %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name.")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
