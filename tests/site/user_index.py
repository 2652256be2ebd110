"""A test-only search index over accounts.User, standing in for the app indices
(postings, candidates, alerts) that plug into the same machinery.

User has no ``updated_at``, so the writers here stamp ``last_login`` on every
change and the index uses it as its version field; an app's index uses its
model's ``updated_at``. Visible = active users.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from fairsite.accounts.models import User
from fairsite.outbox.services import enqueue
from fairsite.search.registry import SearchIndex
from fairsite.search.text import normalise

NAME = "users"


def user_document(user: User) -> dict:
    return {
        "name": normalise(f"{user.first_name} {user.last_name}"),
        "name_text": f"{user.first_name} {user.last_name}",
        "email": user.email,
        "purpose": user.purpose,
    }


USER_INDEX = SearchIndex(
    name=NAME,
    mappings={
        "dynamic": "strict",
        "properties": {
            "name": {"type": "text", "analyzer": "standard"},
            "name_text": {"type": "text", "analyzer": "standard"},
            "email": {"type": "keyword"},
            "purpose": {"type": "keyword"},
        },
    },
    queryset=lambda: User.objects.filter(is_active=True),
    to_document=user_document,
    version_field="last_login",
)


def make_users(count: int, *, start: int = 0) -> list[User]:
    """Active users with a version, made in one insert."""
    now = timezone.now()
    return User.objects.bulk_create(
        User(
            email=f"user{start + n}@example.org",
            first_name="Peer",
            last_name=f"Specialist{start + n}",
            last_login=now,
        )
        for n in range(count)
    )


def change_user(user_id: int, **fields) -> None:
    """Change a user and queue it for the index, in one transaction (as a service would)."""
    with transaction.atomic():
        User.objects.filter(pk=user_id).update(last_login=timezone.now(), **fields)
        enqueue(NAME, [user_id])


def delete_user(user_id: int) -> None:
    with transaction.atomic():
        User.objects.filter(pk=user_id).delete()
        enqueue(NAME, [user_id])
