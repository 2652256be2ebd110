"""The site's background worker: django-tasks-db's worker plus the scheduler.

The task queue runs in the main thread exactly as ``db_worker`` runs it; the
scheduler runs in a second thread. On SIGTERM or SIGINT the task queue finishes
the task it is running and the loop ends at its next turn (within its
interval), the scheduler finishes the job it is running, and the process exits
cleanly. A second signal ends it at once (django-tasks-db's own handling).
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from django_tasks_db.management.commands.db_worker import Worker

from fairsite.scheduler.jobs import Job
from fairsite.scheduler.runner import Scheduler

logger = logging.getLogger(__name__)


class SchedulingWorker(Worker):
    """django-tasks-db's ``Worker``, with a scheduler thread alongside it."""

    jobs: list[Job] | None = None  # None: every registered job

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        """Stop at the loop's next turn instead of raising SystemExit from the
        signal: the exit could land inside a database call (claiming a task
        between BEGIN and COMMIT), break the connection and end the process
        with an error instead of cleanly."""
        if not self.running:
            super().shutdown(signum, frame)  # a second signal: stop at once
            return
        logger.warning("Received %s: stopping after this turn.", signal.strsignal(signum))
        self.running = False

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
            # Reached on a clean end, and on the SystemExit of a second signal.
            stop.set()
            scheduler.join()
