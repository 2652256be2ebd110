from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models


class Purpose(models.TextChoices):
    """What a person came to the site for; it decides which dashboard they see."""

    FIND_WORK = "find_work", "Find a job"
    HIRE = "hire", "Hire people"
    BOTH = "both", "Both: find a job and hire"


class UserManager(DjangoUserManager):
    """Email is the login; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField("email address", unique=True)
    purpose = models.CharField(
        "what you are here for",
        max_length=20,
        choices=Purpose.choices,
        default=Purpose.FIND_WORK,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_looking_for_work(self) -> bool:
        return self.purpose in {Purpose.FIND_WORK, Purpose.BOTH}

    @property
    def is_hiring(self) -> bool:
        return self.purpose in {Purpose.HIRE, Purpose.BOTH}
