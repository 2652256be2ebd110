"""factory_boy factories, one per meaningful state."""

import factory
from allauth.account.models import EmailAddress

from fairsite.accounts.models import Purpose, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A job seeker whose email address is verified, able to sign in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    purpose = Purpose.FIND_WORK
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class UnverifiedUserFactory(UserFactory):
    verified_email = False


class EmployerUserFactory(UserFactory):
    purpose = Purpose.HIRE


class EditorFactory(UserFactory):
    """A site editor: signs in to the Wagtail admin."""

    purpose = Purpose.BOTH
    is_staff = True
    is_superuser = True
