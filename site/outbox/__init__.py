"""The outbox: changes that a search index has yet to take, written in the same
database transaction as the change itself.

    with transaction.atomic():
        posting.save()
        enqueue("postings", [posting.pk])  # fairsite.outbox.services

A rolled-back transaction leaves nothing to index; after a commit a task drains
the outbox promptly (and the worker's scheduler drains it every second), and
Elasticsearch being down only delays indexing: the rows stay until it takes them.
"""
