"""Reading alerts."""

from __future__ import annotations

from django.db.models import QuerySet

from fairsite.accounts.models import User

from .emails import UsedUnsubscribeLink, unsubscribe_target
from .models import Alert


def alerts_of(owner: User) -> QuerySet[Alert]:
    """The person's own alerts, newest first (others' alerts never)."""
    return Alert.objects.filter(owner=owner).order_by("-created_at", "-pk")


def alert_from_token(token: str, *, for_update: bool = False) -> Alert:
    """The alert an unsubscribe token names, while the token is still unused.

    Raises ``BadUnsubscribeLink`` for a token we did not sign,
    ``Alert.DoesNotExist`` once the alert is deleted, and ``UsedUnsubscribeLink``
    once this link (or a later one of the alert's) has been used.
    """
    alert_id, owner_id, stamp = unsubscribe_target(token)
    alerts = Alert.objects.select_for_update() if for_update else Alert.objects
    alert = alerts.get(pk=alert_id, owner_id=owner_id)
    if alert.unsubscribe_stamp != stamp:
        raise UsedUnsubscribeLink
    return alert
