"""What a process alive at start-up keeps is frozen; what it makes later is still collected."""

import gc

import pytest

from fairsite.heap import collector_paused, freeze_start_up_objects


class Cycle:
    def __init__(self):
        self.me = self


def test_start_up_objects_are_frozen_and_later_garbage_is_still_collected():
    alive_at_start_up = Cycle()
    try:
        freeze_start_up_objects()

        frozen = gc.get_freeze_count()
        assert frozen > 0
        # The collector's generations no longer hold it: it is never walked again.
        assert not any(obj is alive_at_start_up for obj in gc.get_objects())
        later = Cycle()
        del later
        assert gc.collect() >= 1  # the cycle made after the freeze
        # Nothing made later joins the frozen objects. The count may fall: a
        # frozen object whose last reference goes (another thread's, say) is
        # still freed by reference counting.
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_paused_for_a_batch_and_back_on_after_it_even_if_it_fails():
    seen = []

    def batch():
        with collector_paused():
            seen.append(gc.isenabled())
            raise RuntimeError("the batch failed")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        batch()
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
