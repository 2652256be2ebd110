from django.db import migrations, models


# Apart from 0003: on PostgreSQL, altering the table in the transaction that
# wrote the rows above fails on their pending foreign-key checks.
class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0003_alert_criteria"),
    ]

    operations = [
        migrations.AlterField(
            model_name="alert",
            name="criteria",
            field=models.ForeignKey(
                editable=False,
                on_delete=models.deletion.PROTECT,
                related_name="alerts",
                to="alerts.alertcriteria",
            ),
        ),
    ]
