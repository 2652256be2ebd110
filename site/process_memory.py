"""Objects kept as they are in this process's memory, for a short time, by key.

Django's local-memory cache pickles every value on the way in and unpickles it
on the way out: cheap for a rendered fragment (a string), dear for model
instances with their related rows (about 75 microseconds a posting, which on a
page of 20 search hits undid most of what keeping them saved). What is kept
here is handed back as it was stored, the same object to every caller: keep
values that nobody changes, or make new objects from them for each caller
(as ``jobs.selectors`` does with the rows behind search hits).

Each web process has its own; nothing here is shared between processes, so the
key must carry whatever makes an entry out of date (the postings index's
generation, for rows behind search hits).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

_every: weakref.WeakSet[ProcessMemory] = weakref.WeakSet()


class ProcessMemory:
    """At most ``size`` entries, each for at most ``seconds``; when full, the
    entry used longest ago goes first. Safe to share between threads."""

    def __init__(self, *, size: int, seconds: float) -> None:
        if size < 1 or seconds <= 0:
            raise ValueError("A process memory needs room for one entry and a lifetime.")
        self.size = size
        self.seconds = seconds
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        _every.add(self)

    def get_many(self, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
        """The entries found among ``keys`` and still in date, by key."""
        now = time.monotonic()
        found = {}
        with self._lock:
            for key in keys:
                entry = self._entries.get(key)
                if entry is None:
                    continue
                if entry[0] <= now:
                    del self._entries[key]
                    continue
                self._entries.move_to_end(key)
                found[key] = entry[1]
        return found

    def set_many(self, items: Mapping[Hashable, Any]) -> None:
        expires = time.monotonic() + self.seconds
        with self._lock:
            for key, value in items.items():
                self._entries[key] = (expires, value)
                self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def forget_everything() -> None:
    """Empty every process memory (tests: each starts with nothing kept)."""
    for memory in list(_every):
        memory.clear()
