"""The scheduler runs each job once per period across workers; the worker stops cleanly."""

import logging
import os
import signal
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from fairsite.scheduler import Job, registered_jobs, runner
from fairsite.scheduler.models import ScheduledJob
from fairsite.scheduler.runner import Scheduler
from fairsite.scheduler.worker import SchedulingWorker

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_job_runs_once_per_period_however_many_workers_ask():
    runs = []
    job = Job("test.count", 60, lambda: runs.append(1))
    workers = [Scheduler([job]), Scheduler([job])]
    start = timezone.now()
    moments = [start + timedelta(seconds=s) for s in (0, 1, 30, 59, 60, 61, 119, 120, 150)]

    def tick(scheduler, barrier):
        try:
            for moment in moments:
                barrier.wait()
                scheduler.run_due(now=moment)
        finally:
            connection.close()

    barrier = threading.Barrier(len(workers))
    threads = [threading.Thread(target=tick, args=(w, barrier)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(runs) == 3  # at 0 s, 60 s and 120 s
    assert ScheduledJob.objects.get(name="test.count").last_run_at == moments[7]


def test_a_failing_job_does_not_keep_the_others_from_running():
    runs = []

    def fail():
        raise RuntimeError("broken job")

    ran = Scheduler(
        [Job("test.fail", 1, fail), Job("test.ok", 1, lambda: runs.append(1))]
    ).run_due()

    assert ran == ["test.fail", "test.ok"]
    assert runs == [1]


def test_a_long_job_holds_up_no_other_job():
    # A big board's feed build or daily digest takes minutes; the outbox drain
    # must go on indexing every second meanwhile.
    release, stop = threading.Event(), threading.Event()
    quick_runs = []

    def long_job():
        release.wait(timeout=30)

    def quick_job():
        quick_runs.append(timezone.now())
        if len(quick_runs) == 3:
            release.set()

    # The long job comes first by name, as the feed comes before the drain.
    scheduler = Scheduler([Job("test.a_long", 60, long_job), Job("test.b_quick", 0.2, quick_job)])
    thread = threading.Thread(target=scheduler.run_until, args=(lambda: False, stop))
    thread.start()
    try:
        assert release.wait(timeout=20), "the quick job did not run three times"
        assert len(quick_runs) >= 3
    finally:
        release.set()
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert set(ScheduledJob.objects.values_list("name", flat=True)) == {
        "test.a_long",
        "test.b_quick",
    }
    assert [t.name for t in threading.enumerate() if t.name.startswith("scheduler ")] == []


def test_a_long_run_is_logged_with_its_duration(monkeypatch, caplog):
    monkeypatch.setattr(runner, "LONG_RUN_SECONDS", 0.05)
    jobs = [Job("test.slow", 60, lambda: time.sleep(0.1)), Job("test.fast", 60, lambda: None)]

    with caplog.at_level(logging.INFO, logger=runner.__name__):
        assert Scheduler(jobs).run_due() == ["test.slow", "test.fast"]

    assert [r.getMessage().rsplit(" ", 2)[0] for r in caplog.records] == [
        "Scheduled job test.slow took"
    ]


def test_the_sites_periodic_work_is_registered_with_its_period():
    jobs = {job.name: job.seconds for job in registered_jobs()}

    assert {name: jobs.get(name) for name in EXPECTED_JOBS} == EXPECTED_JOBS


EXPECTED_JOBS = {
    "outbox.drain": 1,
    "search.ensure": 60,
    "database.statistics": 86400,
    "mail.deliver": 30,
    "mail.forget_bodies": 3600,
    "jobs.expire": 3600,
    "jobs.aggregator_feed": 300,
    "jobs.forget_offer_messages": 3600,
    "candidates.saved_jobs_closed": 3600,
    "billing.enforce_plans": 3600,
}


def test_the_worker_finishes_its_running_job_and_stops_on_sigterm():
    started, finished = threading.Event(), threading.Event()

    def slow_job():
        started.set()
        time.sleep(0.5)
        finished.set()

    class Worker(SchedulingWorker):
        jobs = [Job("test.slow", 60, slow_job)]

    worker = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )

    def terminate_once_the_job_runs():
        started.wait(timeout=10)
        os.kill(os.getpid(), signal.SIGTERM)

    worker.configure_signals()
    threading.Thread(target=terminate_once_the_job_runs).start()
    try:
        worker.run()  # returns: the signal stops the loop, it raises nothing
    finally:
        worker.reset_signals()
        connection.close()

    assert not worker.running
    assert finished.is_set()
    assert [t.name for t in threading.enumerate() if t.name.startswith("scheduler")] == []
