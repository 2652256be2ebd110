"""Periodic jobs, run by ``manage.py worker``: once per period across all workers.

    from fairsite.scheduler import every

    @every(3600)
    def expire_postings() -> None: ...

Register jobs at import of a module that ``AppConfig.ready()`` imports, so every
worker knows them. Each job runs in a thread of its own in the worker, so jobs
of one worker run side by side and a long one holds up no other; a job never
overlaps with itself in one worker, but one that can outlast its period may on
another worker, so it must be safe to run twice at once (the outbox drain is).
"""

from fairsite.scheduler.jobs import Job, every, registered_jobs

__all__ = ["Job", "every", "registered_jobs"]
