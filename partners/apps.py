from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Reentry partners"

    def ready(self) -> None:
        from fairsite.scheduler import every

        from . import alert_copies, navigation, personal_data
        from .services import grants_remind_and_close

        personal_data.register()
        navigation.register()
        alert_copies.connect()
        # Access ends in the query at its expiry time; this sends the reminder
        # before and the "access has ended" emails after.
        every(3600, name="partners.grants_remind_and_close")(grants_remind_and_close)
