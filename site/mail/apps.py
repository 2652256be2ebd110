from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "fairsite.mail"
    label = "mail"
    verbose_name = "Outgoing email"

    def ready(self) -> None:
        from . import personal_data

        personal_data.register()
