"""The migration that groups alerts saved before it by their criteria."""

import pytest

from candidates.alerts.models import Alert, criteria_key
from tests.migrations import migrate_to, migrated_back_to

BEFORE = [("alerts", "0002_alert_place_country_and_remote")]
AFTER = [("alerts", "0004_alert_criteria_required")]


@pytest.mark.django_db(transaction=True)
def test_alerts_saved_before_share_a_row_when_their_criteria_are_the_same():
    with migrated_back_to(BEFORE) as old:
        User = old.get_model("accounts", "User")
        OldAlert = old.get_model("alerts", "Alert")
        owner = User.objects.create(email="before@example.org")

        def alert(name, **fields):
            return OldAlert.objects.create(owner=owner, name=name, **fields).pk

        columbus = {"latitude": 39.96, "longitude": -83.0, "radius_miles": 25}
        cook = alert("Cook", text="cook", place_label="Columbus, OH", **columbus)
        # Only the label differs: the same criteria.
        cook_again = alert("Cook again", text="cook", place_label="Columbus", **columbus)
        everything = alert("All jobs")
        night = alert("Nights", text="cook", filters={"shift": "night"}, flags=["after_offer"])

        migrate_to(AFTER)

        criteria = dict(Alert.objects.values_list("pk", "criteria_id"))
        assert criteria[cook] == criteria[cook_again]
        assert len({criteria[cook], criteria[everything], criteria[night]}) == 3
        # Saving again now finds the same row: the key is the one the model computes.
        for alert in Alert.objects.all():
            assert alert.criteria.key == criteria_key(alert)
            alert.save()
            assert alert.criteria_id == criteria[alert.pk]
