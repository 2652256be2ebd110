"""The site's background worker: django-tasks-db's worker plus the scheduler.

The task queue runs in the main thread exactly as ``db_worker`` runs it; the
scheduler runs in a second thread. On SIGTERM or SIGINT the task queue finishes
the task it is running (django-tasks-db's own handling) and the scheduler
finishes the job it is running; then the process exits.
"""

from __future__ import annotations

import threading

from django_tasks_db.management.commands.db_worker import Worker

from fairsite.scheduler.jobs import Job
from fairsite.scheduler.runner import Scheduler


class SchedulingWorker(Worker):
    """django-tasks-db's ``Worker``, with a scheduler thread alongside it."""

    jobs: list[Job] | None = None  # None: every registered job

    def run(self) -> None:
        stop = threading.Event()
        scheduler = threading.Thread(
            target=Scheduler(self.jobs).run_until,
            args=(lambda: not self.running, stop),
            name="scheduler",
        )
        scheduler.start()
        try:
            super().run()
        finally:
            # Reached on a clean end and on the SystemExit a signal raises.
            stop.set()
            scheduler.join()
