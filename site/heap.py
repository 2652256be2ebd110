"""Keeping Python's garbage collector off the objects every process holds for life.

A process of this site holds about 200,000 objects the collector tracks once
Django, Wagtail and the apps are loaded (modules, classes, URL patterns,
settings). Each full collection walks all of them: about 115 ms on the
benchmark machine, and a request that triggers one waits for it. A search
request or an alert match that reads a large Elasticsearch answer creates
enough surviving objects to set one off every few requests, so the slowest
tenth of them took 150 ms longer than the rest (``bench/``, README).

``gc.freeze()`` moves every object alive at that moment into a generation the
collector never visits. Called once a process has started, it leaves the
collector only the objects of requests and jobs, which come and go.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def freeze_start_up_objects() -> None:
    """Collect the garbage of start-up, then stop the collector from revisiting what remains."""
    gc.collect()
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the collector from running while a batch job makes and drops many objects.

    A rebuild builds, sends and drops about 30 container objects a document;
    none form cycles, so reference counting frees them all, yet they set off a
    collection every few hundred documents: about 1.5 s of CPU in a rebuild of
    100k postings (bench/, README). Whatever cyclic garbage the batch leaves is
    collected once the collector is back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
