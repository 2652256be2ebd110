"""ETag and Last-Modified for detail answers, and 304 when the client has them."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date


def conditional(
    request: HttpRequest,
    response: HttpResponse,
    body: dict,
    last_modified: datetime | None = None,
) -> HttpResponse | None:
    """Set the validators on `response`; a 304 to send instead, or None to send the body.

    The ETag is a hash of the body itself, so it changes whenever anything shown
    changes (a credential renamed, a policy edited), whatever updated_at says.
    """
    encoded = json.dumps(body, cls=DjangoJSONEncoder, sort_keys=True).encode()
    etag = f'"{hashlib.sha256(encoded).hexdigest()[:32]}"'
    headers = {"ETag": etag}
    timestamp = None
    if last_modified is not None:
        timestamp = int(last_modified.timestamp())
        headers["Last-Modified"] = http_date(timestamp)
    for name, value in headers.items():
        response[name] = value
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        for name, value in headers.items():
            not_modified[name] = value
    return not_modified
