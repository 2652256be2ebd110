from django.apps import AppConfig, apps


class FairsiteConfig(AppConfig):
    name = "fairsite"
    verbose_name = "Site"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from fairsite.database import refresh_statistics
        from fairsite.scheduler import every
        from fairsite.search.indices import ensure_all
        from fairsite.site_address import site_records_update

        # Builds an index that has none yet (a new cluster, or one that lost its
        # data) from the database, so search catches up without anyone's help.
        every(60, name="search.ensure")(ensure_all)
        # The first run is when a worker first starts; then once a day, as the
        # data grows (see fairsite.database).
        every(86400, name="database.statistics")(refresh_statistics)
        # Every deploy migrates first, so the site records follow SITE_URL. (Only
        # apps with models get the signal; the sites framework's record is one.)
        post_migrate.connect(site_records_update, sender=apps.get_app_config("sites"))
