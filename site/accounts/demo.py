"""Demo accounts for `make run` (never loaded by migrations or in production)."""

from allauth.account.models import EmailAddress

from .models import Purpose, User

DEMO_USERS = [
    ("editor@example.com", "Eve", "Editor", Purpose.BOTH, True),
    ("seeker@example.com", "Sam", "Seeker", Purpose.FIND_WORK, False),
    ("employer@example.com", "Erin", "Employer", Purpose.HIRE, False),
]


def load_demo_users(password: str) -> list[User]:
    users = []
    for email, first, last, purpose, is_editor in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "purpose": purpose,
                "is_staff": is_editor,
                "is_superuser": is_editor,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    return users
