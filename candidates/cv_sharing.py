"""CV copies a person shares with someone helping them, as the CV rules see them.

Candidates know nothing of case workers (``partners``, an app above them). The
partners app hands in, at start-up, how to tell whether a person is the helper
a shared copy was given to, under access that still works now (``provide``);
``selectors.can_read_cv`` asks through ``is_shared_with`` and stays the one
place that decides who may download a CV. Where nothing was handed in, a
shared copy opens to no one but its owner.
"""

from __future__ import annotations

from collections.abc import Callable

_check: Callable[..., bool] | None = None


def provide(check: Callable[..., bool]) -> None:
    """How to ask ``check(user=..., shared_copy=...)`` (called once, at start-up)."""
    global _check
    _check = check


def is_shared_with(user, shared_copy) -> bool:
    """Whether ``shared_copy`` is shared with ``user`` under access that works now."""
    return _check is not None and _check(user=user, shared_copy=shared_copy)
