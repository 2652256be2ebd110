"""Calls about the signed-in person, with their own token (`Authorization: Bearer`).

This is where a person's own data lives in the API. `GET /me/matches` (their
matched postings, each with its reasons) belongs here next to `GET /me`, and
comes with candidate matching (candidates/search.py); it must use the same
PersonalTokenAuth and read the person's private preferences only on their side.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from .errors import ERROR_RESPONSES

router = Router(tags=["me"])


class TokenOut(Schema):
    name: str
    prefix: str
    created: datetime


class MeOut(Schema):
    email: str
    token: TokenOut


@router.get("", response={200: MeOut, **ERROR_RESPONSES}, url_name="me", summary="Who I am")
def me(request: HttpRequest):
    """The account the token belongs to, and the token (by its prefix only)."""
    token = request.auth.token
    return {
        "email": token.user.email,
        "token": {"name": token.name, "prefix": token.prefix, "created": token.created},
    }
