from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "fairsite.mail"
    label = "mail"
    verbose_name = "Outgoing email"
