from django.apps import AppConfig


class FairsiteConfig(AppConfig):
    name = "fairsite"
    verbose_name = "Site"

    def ready(self) -> None:
        from fairsite.scheduler import every
        from fairsite.search.indices import ensure_all

        # Builds an index that has none yet (a new cluster, or one that lost its
        # data) from the database, so search catches up without anyone's help.
        every(60, name="search.ensure")(ensure_all)
