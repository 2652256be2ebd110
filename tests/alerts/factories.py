"""Alert factories: one per meaningful state."""

import factory

from candidates.alerts.models import Alert, Frequency
from tests.factories import UserFactory


class AlertFactory(factory.django.DjangoModelFactory):
    """An instant alert for every new job, anywhere (an empty saved search)."""

    class Meta:
        model = Alert

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Alert {n}")
    text = ""
    frequency = Frequency.INSTANT


class DailyAlertFactory(AlertFactory):
    frequency = Frequency.DAILY


class WeeklyAlertFactory(AlertFactory):
    frequency = Frequency.WEEKLY


class PausedAlertFactory(AlertFactory):
    is_paused = True
