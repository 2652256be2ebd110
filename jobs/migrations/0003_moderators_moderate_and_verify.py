"""Wagtail's Moderators group approves postings and verifies employers.

Editors in that group get both permissions; superusers have them anyway.
"""

from django.db import migrations

GRANTS = [
    ("jobs", "jobposting", "moderate_jobposting", "Can approve or reject job postings"),
    ("employers", "employer", "verify_employer", "Can verify employers' fair-chance policies"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for app_label, model, codename, name in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0002_seed_credentials"),
        ("employers", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
