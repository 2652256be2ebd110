"""Outgoing email, queued in the database and delivered by the worker.

Writing the message in the same transaction as the change that causes it means
a rolled-back change sends nothing and a committed one is never lost, even when
the mail server is down; the worker retries with back-off.
"""
