"""Who is calling: a partner key, a personal token, or nobody in particular.

Partner keys come in the `X-API-Key` header and personal tokens as
`Authorization: Bearer ...`, never in the URL, so they stay out of access logs,
browser history and Referer headers. A credential that is present but wrong or
revoked gets 401 (never a quiet downgrade to anonymous, which would hide the
mistake); no credential at all is an anonymous caller with the lowest limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import APIKeyHeader
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken

from fairsite.client_address import client_address

from .keys import partner_key_for_secret
from .models import PartnerKey

BAD_KEY = "This API key is not valid or has been revoked."
BAD_TOKEN = "This token is not valid or has been revoked."  # noqa: S105 (a message)
NO_TOKEN = "Send your personal token: Authorization: Bearer wagtail_..."  # noqa: S105


@dataclass(frozen=True)
class Caller:
    kind: str  # "anonymous", "partner" or "person"
    ident: str  # what the rate limit counts by
    requests_per_minute: int
    partner_key: PartnerKey | None = None
    token: APIToken | None = None


class PartnerKeyAuth(APIKeyHeader):
    """A partner's key in the X-API-Key header, allowed to read `scope`."""

    param_name = "X-API-Key"

    def __init__(self, scope: str | None = None):
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, key: str | None) -> Caller | None:
        if not key:
            return None
        found = partner_key_for_secret(key)
        if found is None or found.is_revoked:
            raise AuthenticationError(message=BAD_KEY)
        request.user = AnonymousUser()
        if self.scope and self.scope not in found.scopes:
            raise AuthorizationError(message=f"This API key may not read {self.scope}.")
        return Caller(
            kind="partner",
            ident=f"key:{found.pk}",
            requests_per_minute=found.requests_per_minute,
            partner_key=found,
        )


class PersonalTokenAuth(BearerTokenAuth):
    """A person's own token (Wagtail's APIToken): `Authorization: Bearer wagtail_...`."""

    def __init__(self, *, required: bool = False):
        super().__init__()
        self.required = required

    # ninja's HttpBearer logs the whole header when its scheme is not "Bearer"
    # (in DEBUG); this reads the header itself and never repeats it anywhere.
    def __call__(self, request: HttpRequest) -> Caller | None:
        value = request.headers.get("Authorization", "")
        if not value:
            if self.required:
                raise AuthenticationError(message=NO_TOKEN)
            return None
        scheme, _, secret = value.partition(" ")
        secret = secret.strip()
        token = None
        if scheme.lower() == "bearer" and APIToken.validate_token_format(secret):
            token = self.authenticate(request, secret)
        if token is None:
            raise AuthenticationError(message=BAD_TOKEN)
        return Caller(
            kind="person",
            ident=f"token:{token.pk}",
            requests_per_minute=settings.API_PERSONAL_TOKEN_REQUESTS_PER_MINUTE,
            token=token,
        )


def anonymous(request: HttpRequest) -> Caller:
    # Never a forwarded address a caller chose (see fairsite.client_address).
    address = client_address(request) or "unknown"
    # A session cookie never lends an anonymous API call anyone's identity.
    request.user = AnonymousUser()
    return Caller(
        kind="anonymous",
        ident=f"ip:{address}",
        requests_per_minute=settings.API_ANONYMOUS_REQUESTS_PER_MINUTE,
    )


def public_auth(scope: str) -> list:
    """Anyone may read public data; a key or token, if sent, must be good."""
    return [PartnerKeyAuth(scope), PersonalTokenAuth(), anonymous]
