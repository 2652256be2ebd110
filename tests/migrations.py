"""Running a data migration in a test: the database taken back to before it, the
rows of that time written, then the migration run on them."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    """Migrate the test database to ``targets``; the apps (historical models) there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@contextmanager
def migrated_back_to(targets) -> Iterator:
    """The apps at ``targets``, and the database at the latest migrations again afterwards."""
    try:
        yield migrate_to(targets)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
