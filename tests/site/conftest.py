import pytest

from fairsite.search.registry import register, unregister
from tests.site.user_index import USER_INDEX


@pytest.fixture
def user_index(es):
    """The test-only users index, registered, on the real server with this test's prefix."""
    register(USER_INDEX)
    yield USER_INDEX
    unregister(USER_INDEX.name)
