"""Factories for reentry organisations, case workers and the access seekers give them."""

from datetime import timedelta

import factory
from django.utils import timezone

from employers.models import VerificationStatus
from partners.models import Grant, ReentryOrganisation
from tests.factories import (
    CandidateProfileFactory,
    EmployerFactory,
    MembershipFactory,
)


class ReentryOrganisationFactory(factory.django.DjangoModelFactory):
    """A reentry organisation an editor has verified."""

    class Meta:
        model = ReentryOrganisation

    employer = factory.SubFactory(EmployerFactory, name=factory.Sequence(lambda n: f"Way Home {n}"))
    services = "We help people leaving prison find work."
    verification_status = VerificationStatus.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class CaseWorkerFactory(MembershipFactory):
    """A member (a case worker) of a verified reentry organisation."""

    employer = factory.LazyAttribute(lambda _: ReentryOrganisationFactory().employer)


class GrantFactory(factory.django.DjangoModelFactory):
    """Access a seeker (with a profile) gave a case worker: matches only, for six months."""

    class Meta:
        model = Grant

    seeker = factory.LazyAttribute(lambda _: CandidateProfileFactory().user)
    case_worker = factory.LazyAttribute(lambda o: o.membership.user)
    organisation = factory.LazyAttribute(lambda o: o.membership.employer.reentry)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=180))

    class Params:
        membership = factory.SubFactory(CaseWorkerFactory)
