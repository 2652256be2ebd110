from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Reentry partners"

    def ready(self) -> None:
        from candidates import cv_sharing
        from employers.selectors import also_public
        from fairsite.scheduler import every

        from . import alert_copies, cv_shares, navigation, personal_data
        from .models import ReentryOrganisation
        from .services import grants_remind_and_close

        personal_data.register()
        navigation.register()
        alert_copies.connect()
        cv_sharing.provide(cv_shares.is_shared_with)
        # A reentry organisation an editor verified has a public page, as a
        # verified employer does.
        also_public(lambda: ReentryOrganisation.objects.verified().values("employer_id"))
        # Access ends in the query at its expiry time; this sends the reminder
        # before and the "access has ended" emails after.
        every(3600, name="partners.grants_remind_and_close")(grants_remind_and_close)
