"""Wagtail's Moderators group may give employers free posting credits (for
example charities and reentry agencies); each grant keeps its reason and editor."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="billing", model="creditentry")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="grant_credits",
        defaults={"name": "Can give employers free posting credits"},
    )
    moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
