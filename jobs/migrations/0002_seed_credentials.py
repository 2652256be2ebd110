"""The four credentials of the reentry field, present on every installation.

Editors add more in the Wagtail admin; these are data, not demo content.
"""

from django.db import migrations

CREDENTIALS = [
    {
        "name": "Certified Professional in Offender Reentry Strategies",
        "abbreviation": "CPORS",
        "slug": "cpors",
        "summary": (
            "Covers the barriers people face after prison, ways to lower reoffending, "
            "reentry planning, risk assessment, case management, and working with "
            "probation and parole officers on jobs, housing and treatment."
        ),
    },
    {
        "name": "Certified Professional in Second Chance Programs",
        "abbreviation": "CPSCP",
        "slug": "cpscp",
        "summary": (
            "Covers case management, designing programmes, needs assessment, crisis "
            "support, relapse prevention, and the legal and ethical duties owed to "
            "people in second-chance programmes. It usually ends with an exam."
        ),
    },
    {
        "name": "Professional Certificate in Mass Incarceration and Social Services",
        "abbreviation": "",
        "slug": "mass-incarceration-social-services",
        "summary": (
            "Covers how mass incarceration affects people, families and communities, "
            "needs assessments, service plans, linking clients to help, case "
            "management and crisis support."
        ),
    },
    {
        "name": "Career Advancement Programme in Reentry Mental Health Services",
        "abbreviation": "",
        "slug": "reentry-mental-health-services",
        "summary": (
            "Covers trauma-informed care, crisis support, case management, teamwork "
            "across services, the law and ethics of the work, and often substance use "
            "and recovery support."
        ),
    },
]


def seed(apps, schema_editor):
    Credential = apps.get_model("jobs", "Credential")
    for data in CREDENTIALS:
        Credential.objects.update_or_create(slug=data["slug"], defaults=data)


def unseed(apps, schema_editor):
    Credential = apps.get_model("jobs", "Credential")
    Credential.objects.filter(slug__in=[c["slug"] for c in CREDENTIALS]).delete()


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
