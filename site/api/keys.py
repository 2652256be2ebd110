"""Issuing, revoking and recognising partner API keys, and people's own API tokens.

A secret is returned exactly once, by the service that makes it; only its
SHA-256 hash and a short recognisable prefix are stored. Nothing here logs a
secret, and the error for a bad one never repeats it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import APIToken

from fairsite.accounts.models import User

from .models import ALL_SCOPES, PartnerKey, PartnerKeyUsage

PARTNER_KEY_START = "fcp_"
PREFIX_LENGTH = 12  # "fcp_" and 8 random characters: enough to recognise, useless to guess
MAX_SECRET_LENGTH = 100
# Writing "last used" on every request would be a write per call for nothing.
LAST_USED_PRECISION = timedelta(minutes=1)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_secret(start: str) -> tuple[str, str, str]:
    secret = start + secrets.token_urlsafe(32)
    return secret, secret[:PREFIX_LENGTH], secret_hash(secret)


@dataclass(frozen=True)
class IssuedKey:
    key: PartnerKey
    secret: str  # shown once, never stored


@dataclass(frozen=True)
class IssuedToken:
    token: APIToken
    secret: str  # shown once, never stored


def partner_key_issue(
    *,
    name: str,
    contact_email: str,
    scopes: list[str],
    contact_name: str = "",
    requests_per_minute: int = 600,
    by: User | None = None,
) -> IssuedKey:
    """A new active key; the returned secret is the only copy there will ever be."""
    secret, prefix, hashed = _new_secret(PARTNER_KEY_START)
    key = PartnerKey(
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        scopes=[scope for scope in ALL_SCOPES if scope in scopes],
        requests_per_minute=requests_per_minute,
        prefix=prefix,
        key_hash=hashed,
        created_by=by,
    )
    key.full_clean()
    key.save()
    return IssuedKey(key=key, secret=secret)


def partner_key_revoke(*, key: PartnerKey) -> PartnerKey:
    """The key answers 401 from now on; revoking twice keeps the first date."""
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def partner_key_for_secret(secret: str) -> PartnerKey | None:
    """The key with this secret, revoked or not; None for anything else."""
    if not secret.startswith(PARTNER_KEY_START) or len(secret) > MAX_SECRET_LENGTH:
        return None
    return PartnerKey.objects.filter(key_hash=secret_hash(secret)).first()


def partner_key_record_use(*, key: PartnerKey, throttled: bool) -> None:
    """Count one request (or one refused request) on today's row for the key."""
    now = timezone.now()
    with transaction.atomic():
        usage, _created = PartnerKeyUsage.objects.get_or_create(key=key, day=now.date())
        counter = "throttled" if throttled else "requests"
        PartnerKeyUsage.objects.filter(pk=usage.pk).update(**{counter: F(counter) + 1})
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_PRECISION:
        PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)


def requests_on(key: PartnerKey, day) -> int:
    """How many requests the key made on one day (UTC)."""
    usage = PartnerKeyUsage.objects.filter(key=key, day=day).first()
    return usage.requests if usage else 0


def personal_token_create(*, user: User, name: str) -> IssuedToken:
    """A new token for the person (Wagtail's APIToken); the returned secret is the only copy."""
    token, secret = APIToken.create_token(user=user, name=name)
    return IssuedToken(token=token, secret=secret)


def personal_token_revoke(*, token: APIToken) -> APIToken:
    """The token answers 401 from now on; revoking twice keeps the first date."""
    if token.revoked_at is None:
        token.revoke()
    return token


def tokens_of(user: User):
    """The person's tokens that still work, newest first."""
    return APIToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created")
