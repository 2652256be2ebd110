"""Whose request is this: the visitor's network address, behind any number of proxies.

Behind a proxy or load balancer every connection comes from the proxy, so the
address that counts is the one the proxy writes into ``X-Forwarded-For``. A
client can send that header too, with any addresses it likes; each proxy then
appends the address it saw. So only the last ``TRUSTED_PROXY_COUNT`` entries
were written by proxies of ours, and the entry that many places from the end is
the visitor's: whatever a client forges sits to the left of it and is never read.

Every per-address limit (sign-in, sign-up and password resets through allauth,
the API's anonymous limit) and the access log read the address from here.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

from django.conf import settings
from django.http import HttpRequest


def address_from(meta: Mapping[str, str], trusted_proxies: int) -> str:
    """The client's address from a WSGI environ (or ``request.META``).

    With no trusted proxy, or a request that did not pass through all of them
    (fewer forwarded entries than proxies, so the entries are the client's own
    words), it is the address that connected.
    """
    connected = meta.get("REMOTE_ADDR", "")
    if trusted_proxies <= 0:
        return connected
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < trusted_proxies:
        return connected
    try:
        return str(ipaddress.ip_address(forwarded[-trusted_proxies]))
    except ValueError:
        return connected


def client_address(request: HttpRequest) -> str:
    return address_from(request.META, settings.TRUSTED_PROXY_COUNT)
