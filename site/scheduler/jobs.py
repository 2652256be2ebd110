"""The registry of periodic jobs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

Func = TypeVar("Func", bound=Callable[[], Any])


@dataclass(frozen=True)
class Job:
    """A function to run every ``seconds``."""

    name: str
    seconds: float
    func: Callable[[], Any]


_jobs: dict[str, Job] = {}


def every(seconds: float, *, name: str | None = None) -> Callable[[Func], Func]:
    """Register the decorated function to run every ``seconds`` (once per period site-wide)."""

    def register(func: Func) -> Func:
        job = Job(name or f"{func.__module__}.{func.__qualname__}", seconds, func)
        if _jobs.get(job.name, job).func is not func:
            raise ValueError(f"Another scheduled job is already called {job.name!r}.")
        _jobs[job.name] = job
        return func

    return register


def registered_jobs() -> list[Job]:
    """Every registered job, by name."""
    return [_jobs[name] for name in sorted(_jobs)]
