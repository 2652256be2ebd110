from django.apps import AppConfig


class FairsiteConfig(AppConfig):
    name = "fairsite"
    verbose_name = "Site"

    def ready(self) -> None:
        from fairsite.database import refresh_statistics
        from fairsite.scheduler import every
        from fairsite.search.indices import ensure_all

        # Builds an index that has none yet (a new cluster, or one that lost its
        # data) from the database, so search catches up without anyone's help.
        every(60, name="search.ensure")(ensure_all)
        # The first run is when a worker first starts; then once a day, as the
        # data grows (see fairsite.database).
        every(86400, name="database.statistics")(refresh_statistics)
