import pytest

from fairsite import process_memory
from fairsite.process_memory import ProcessMemory, forget_everything


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(process_memory.time, "monotonic", lambda: now[0])
    return now


def test_what_is_kept_comes_back_as_it_was_stored(clock):
    memory = ProcessMemory(size=10, seconds=60)
    row = {"title": "Cook"}
    memory.set_many({("g1", 1): row})

    assert memory.get_many([("g1", 1), ("g1", 2), ("g2", 1)]) == {("g1", 1): row}
    assert memory.get_many([("g1", 1)])[("g1", 1)] is row


def test_an_entry_is_gone_once_its_time_is_up(clock):
    memory = ProcessMemory(size=10, seconds=60)
    memory.set_many({"a": 1})
    clock[0] += 59.9
    assert memory.get_many(["a"]) == {"a": 1}
    clock[0] += 0.1
    assert memory.get_many(["a"]) == {}
    assert len(memory) == 0


def test_when_full_the_entry_used_longest_ago_goes_first(clock):
    memory = ProcessMemory(size=3, seconds=60)
    memory.set_many({"a": 1, "b": 2, "c": 3})
    memory.get_many(["a"])  # used again: "b" is now the oldest
    memory.set_many({"d": 4})

    assert memory.get_many(["a", "b", "c", "d"]) == {"a": 1, "c": 3, "d": 4}
    assert len(memory) == 3


def test_forgetting_empties_every_memory():
    first, second = ProcessMemory(size=2, seconds=60), ProcessMemory(size=2, seconds=60)
    first.set_many({"a": 1})
    second.set_many({"b": 2})
    forget_everything()
    assert (len(first), len(second)) == (0, 0)


@pytest.mark.parametrize(("size", "seconds"), [(0, 60), (10, 0), (10, -1)])
def test_a_memory_needs_room_and_a_lifetime(size, seconds):
    with pytest.raises(ValueError, match="needs room"):
        ProcessMemory(size=size, seconds=seconds)
