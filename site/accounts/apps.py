from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fairsite.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import registrations

        registrations.register()
