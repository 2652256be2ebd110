import hashlib

import orjson
from django.db import migrations, models

# models.criteria_key as it was when this migration was written, kept here so
# that the migration gives the same keys whatever that function becomes.
CRITERIA_FIELDS = (
    "text",
    "filters",
    "flags",
    "latitude",
    "longitude",
    "radius_miles",
    "place_country",
    "place_region",
    "include_remote",
)


def criteria_key(alert) -> str:
    values = [getattr(alert, name) for name in CRITERIA_FIELDS]
    return hashlib.sha256(orjson.dumps(values, option=orjson.OPT_SORT_KEYS)).hexdigest()


def group_existing_alerts(apps, schema_editor):
    """Every alert saved before points at the row of its criteria (one per distinct set)."""
    Alert = apps.get_model("alerts", "Alert")
    AlertCriteria = apps.get_model("alerts", "AlertCriteria")
    ids: dict[str, int] = {}
    for alert in Alert.objects.order_by("pk").iterator(chunk_size=2000):
        key = criteria_key(alert)
        if key not in ids:
            ids[key] = AlertCriteria.objects.get_or_create(key=key)[0].pk
        alert.criteria_id = ids[key]
        alert.save(update_fields=["criteria"])


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_alert_place_country_and_remote"),
    ]

    operations = [
        migrations.CreateModel(
            name="AlertCriteria",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=64, unique=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={"verbose_name_plural": "alert criteria"},
        ),
        migrations.AddField(
            model_name="alert",
            name="criteria",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="alerts",
                to="alerts.alertcriteria",
            ),
        ),
        migrations.RunPython(group_existing_alerts, migrations.RunPython.noop),
    ]
