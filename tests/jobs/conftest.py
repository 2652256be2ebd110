from tests.corpus import corpus, index  # noqa: F401 (fixtures)
