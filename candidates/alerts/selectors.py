"""Reading alerts."""

from __future__ import annotations

from django.db.models import QuerySet

from fairsite.accounts.models import User

from .emails import unsubscribe_target
from .models import Alert


def alerts_of(owner: User) -> QuerySet[Alert]:
    """The person's own alerts, newest first (others' alerts never)."""
    return Alert.objects.filter(owner=owner).order_by("-created_at", "-pk")


def alert_from_token(token: str) -> Alert:
    """The alert an unsubscribe token names.

    Raises ``BadUnsubscribeLink`` for a token we did not sign, and
    ``Alert.DoesNotExist`` once the alert is deleted.
    """
    alert_id, owner_id = unsubscribe_target(token)
    return Alert.objects.get(pk=alert_id, owner_id=owner_id)
