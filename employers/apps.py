from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "employers"

    def ready(self) -> None:
        from . import navigation, personal_data

        personal_data.register()
        navigation.register()
