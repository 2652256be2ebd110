"""Keeping the postings index true: which writes queue a posting in the outbox.

The posting services (``jobs.services``) queue each posting they write with
``postings_queue``, in the transaction that makes the change; after the commit
the outbox sends the posting's state as it is then (``fairsite.outbox``). A
write that goes round the services, a ``QuerySet.update()`` say, queues
nothing, and the index keeps the old document: ``search_index --check``
reports it, because it compares each document's content with what the
database would give now.

Some of what a posting's document shows is saved by code that knows nothing
of postings: an employer's name and verification, their fair-chance policy, a
credential's name (edited in the Wagtail admin). Save signals queue every
posting that shows such a row. Saves of a posting, its places or its
credentials made outside the services (the shell, test factories) are queued
by signals too; inside a service, ``written_by_service()`` leaves them to the
service, so each write is queued once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from employers.models import Employer, FairChancePolicy
from fairsite.outbox.services import enqueue

from .models import Credential, JobPosting, PostingLocation
from .search.index import INDEX_NAME

_queued_by_service: ContextVar[bool] = ContextVar("postings_queued_by_service", default=False)


def postings_queue(ids: Iterable[int]) -> None:
    """Queue postings for the index in the caller's transaction.

    The outbox reads each posting's state when it drains, so how often and in
    what order a posting is queued does not matter.
    """
    ids = list(ids)
    if ids:
        with transaction.atomic():
            enqueue(INDEX_NAME, ids)


@contextmanager
def written_by_service() -> Iterator[None]:
    """Saves of postings, places and credential lists in here are queued by the service."""
    token = _queued_by_service.set(True)
    try:
        yield
    finally:
        _queued_by_service.reset(token)


def _posting_saved(sender, instance, **kwargs):
    if not _queued_by_service.get():
        postings_queue([instance.pk])


def _posting_deleted(sender, instance, **kwargs):
    # Deleted with its employer, or by hand: no service deletes postings.
    postings_queue([instance.pk])


def _location_changed(sender, instance, **kwargs):
    if not _queued_by_service.get():
        postings_queue([instance.posting_id])


def _credentials_changed(sender, instance, action, **kwargs):
    if (
        action in {"post_add", "post_remove", "post_clear"}
        and isinstance(instance, JobPosting)
        and not _queued_by_service.get()
    ):
        postings_queue([instance.pk])


def _employer_changed(sender, instance, **kwargs):
    employer_id = instance.employer_id if isinstance(instance, FairChancePolicy) else instance.pk
    postings_queue(JobPosting.objects.filter(employer_id=employer_id).values_list("pk", flat=True))


def _credential_changed(sender, instance, **kwargs):
    # Its name and abbreviation are in the documents of the postings that ask for it.
    postings_queue(
        JobPosting.objects.filter(
            Q(required_credentials=instance) | Q(preferred_credentials=instance)
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def connect_signals() -> None:
    """Called once from JobsConfig.ready()."""
    uid = "jobs.indexing"
    post_save.connect(_posting_saved, sender=JobPosting, dispatch_uid=f"{uid}.posting")
    post_delete.connect(_posting_deleted, sender=JobPosting, dispatch_uid=f"{uid}.posting-del")
    post_save.connect(_location_changed, sender=PostingLocation, dispatch_uid=f"{uid}.loc")
    post_delete.connect(_location_changed, sender=PostingLocation, dispatch_uid=f"{uid}.loc-del")
    for through in (
        JobPosting.required_credentials.through,
        JobPosting.preferred_credentials.through,
    ):
        m2m_changed.connect(_credentials_changed, sender=through, dispatch_uid=f"{uid}.{through}")
    post_save.connect(_credential_changed, sender=Credential, dispatch_uid=f"{uid}.credential")
    post_save.connect(_employer_changed, sender=Employer, dispatch_uid=f"{uid}.employer")
    post_save.connect(_employer_changed, sender=FairChancePolicy, dispatch_uid=f"{uid}.policy")
