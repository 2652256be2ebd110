"""Periodic jobs, run by ``manage.py worker``: once per period across all workers.

    from fairsite.scheduler import every

    @every(3600)
    def expire_postings() -> None: ...

Register jobs at import of a module that ``AppConfig.ready()`` imports, so every
worker knows them. A job runs in the worker's scheduler thread, one job at a
time; a job that can outlast its period may overlap with itself on another
worker, so it must be safe to run twice at once (the outbox drain is).
"""

from fairsite.scheduler.jobs import Job, every, registered_jobs

__all__ = ["Job", "every", "registered_jobs"]
