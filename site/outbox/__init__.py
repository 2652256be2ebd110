"""The outbox: changes that a search index has yet to take, written in the same
database transaction as the change itself.

    with transaction.atomic():
        posting.save()
        outbox.enqueue("postings", [posting.pk])

A rolled-back transaction leaves nothing to index; after a commit a task drains
the outbox promptly (and the worker's scheduler drains it every second), and
Elasticsearch being down only delays indexing: the rows stay until it takes them.
"""

from importlib import import_module
from typing import Any

# Importing models before Django's app registry is ready fails, and Django
# imports this package while loading INSTALLED_APPS, so the public names are
# looked up on first use.
_PUBLIC = {
    "enqueue": "services",
    "backlog": "services",
    "Backlog": "services",
    "drain": "drain",
    "drain_due": "drain",
    "DrainReport": "drain",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
