from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "fairsite.mail"
    label = "mail"
    verbose_name = "Outgoing email"

    def ready(self) -> None:
        from fairsite.scheduler import every

        from . import personal_data
        from .delivery import deliver_due
        from .retention import sent_bodies_forget

        personal_data.register()
        # Messages are also sent right after the commit that queues them; this
        # retries what failed (the mail server was down) once its wait is over.
        every(30, name="mail.deliver")(deliver_due)
        every(3600, name="mail.forget_bodies")(sent_bodies_forget)
