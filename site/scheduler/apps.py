from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    name = "fairsite.scheduler"
    label = "scheduler"
    verbose_name = "Scheduled jobs"
