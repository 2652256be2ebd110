"""Demo content for `make run`: a reentry organisation, its case worker, and a
job seeker who gave that case worker access. Safe to load again."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction

from employers.demo import owner_of
from employers.models import Employer, MemberRole, Membership
from fairsite.accounts.models import Purpose, User

from . import services
from .models import Grant, Months, Permission, ReentryOrganisation

DEMO_REENTRY_ORGANISATION = "lanternway-reentry-network"
DEMO_CASE_WORKER = ("caseworker@example.com", "Casey", "Worker")
SERVICES = (
    "Case managers and peer mentors help people leaving prison and on probation find "
    "work, prepare applications and get ready for interviews."
)


@transaction.atomic
def load_demo_partners(*, password: str, editor: User, seeker: User) -> Grant | None:
    """Lanternway Reentry Network as a verified reentry organisation, Casey Worker as
    its case worker, and the demo seeker's access for Casey (everything, 6 months)."""
    employer = Employer.objects.filter(slug=DEMO_REENTRY_ORGANISATION).first()
    if employer is None:
        return None
    organisation = ReentryOrganisation.objects.filter(employer=employer).first()
    if organisation is None:
        organisation = services.reentry_register(
            employer=employer, by=owner_of(employer), services=SERVICES
        )
    if not organisation.is_verified:
        services.reentry_verify(organisation=organisation, by=editor)
    case_worker = _case_worker(password, employer)
    current = Grant.objects.current().filter(seeker=seeker, case_worker=case_worker).first()
    if current is not None:
        return current
    code = services.code_create(case_worker=case_worker, organisation=organisation)
    return services.code_redeem(
        seeker=seeker,
        code=code.code,
        permissions={p.value: True for p in Permission},
        months=Months.SIX,
    )


def _case_worker(password: str, employer: Employer) -> User:
    email, first, last = DEMO_CASE_WORKER
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "purpose": Purpose.BOTH}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Membership.objects.get_or_create(
        user=user, employer=employer, defaults={"role": MemberRole.RECRUITER}
    )
    return user
