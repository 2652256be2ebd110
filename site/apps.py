from django.apps import AppConfig


class FairsiteConfig(AppConfig):
    name = "fairsite"
    verbose_name = "Site"
