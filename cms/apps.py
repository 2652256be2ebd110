from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site pages"

    def ready(self):
        from .menus import connect_signals

        connect_signals()
