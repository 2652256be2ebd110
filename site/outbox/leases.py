"""Claiming due rows of a work queue for a while, so no other worker takes them.

A queue is a model with a ``next_attempt_at`` time (the outbox, the alerts'
posting checks). Claiming is one short transaction: it selects due rows with
``select_for_update(skip_locked=True)`` (PostgreSQL; SQLite serialises writers
anyway) and moves their ``next_attempt_at`` a lease ahead. Nothing is held
open while the work is done; a worker that dies leaves its rows to be claimed
again when the lease runs out.
"""

from datetime import timedelta
from typing import TypeVar

from django.db import models, transaction
from django.utils import timezone

Row = TypeVar("Row", bound=models.Model)


def claim_due(model: type[Row], *, limit: int, lease: timedelta) -> list[Row]:
    """Up to ``limit`` due rows of ``model``, oldest first, now leased to the caller."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            model.objects.select_for_update(skip_locked=True)
            .filter(next_attempt_at__lte=now)
            .order_by("id")[:limit]
        )
        model.objects.filter(pk__in=[row.pk for row in rows]).update(next_attempt_at=now + lease)
    return rows
