"""Demo job seekers for `make run`: a few made-up people who let employers find
them, so the employer's "people who suit this job" page shows someone, and one
invitation to apply, so the invited person's dashboard shows it.

Every person here is fictional. Each can sign in with the demo password. None
has fair-chance preferences or any record data: those are private, and the
demo needs none. Loaded by `manage.py load_demo`, never by migrations or in
production.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from fairsite.accounts.models import Purpose, User
from fairsite.places import find_place
from jobs.models import Category, Credential, EmploymentType, JobPosting

from . import services
from .models import ApplyInvitation, Availability, CandidateKind, CandidateProfile


@dataclass(frozen=True)
class DemoCandidate:
    email: str
    first_name: str
    last_name: str
    kind: str
    headline: str
    summary: str
    home: str
    skills: tuple[str, ...]
    categories: tuple[str, ...]
    credentials: tuple[str, ...] = ()
    travel_radius: int = 25


DEMO_CANDIDATES = [
    DemoCandidate(
        email="dana@example.com",
        first_name="Dana",
        last_name="Brooks",
        kind=CandidateKind.JOB_SEEKER,
        headline="Hard worker ready to learn a building trade",
        summary="I framed sheds and fixed fences on a work crew for two years. I turn up on time "
        "and I like learning from people who know the job.",
        home="Philadelphia, PA",
        skills=("hand tools", "measuring", "framing", "teamwork"),
        categories=(Category.CONSTRUCTION,),
    ),
    DemoCandidate(
        email="luis@example.com",
        first_name="Luis",
        last_name="Ortega",
        kind=CandidateKind.JOB_SEEKER,
        headline="Forklift driver with a warehouse certificate",
        summary="Three years picking, packing and driving forklifts. Happy on early shifts.",
        home="Columbus, OH",
        skills=("forklift", "picking", "packing", "inventory"),
        categories=(Category.WAREHOUSE, Category.DRIVING),
    ),
    DemoCandidate(
        email="keisha@example.com",
        first_name="Keisha",
        last_name="Grant",
        kind=CandidateKind.REENTRY_PROFESSIONAL,
        headline="Reentry case manager with CPORS",
        summary="Five years helping people coming home find housing, work and treatment.",
        home="Columbus, OH",
        skills=("case management", "motivational interviewing", "report writing"),
        categories=(Category.PROBATION, Category.CASE_MANAGEMENT),
        credentials=("cpors",),
    ),
    DemoCandidate(
        email="marcus@example.com",
        first_name="Marcus",
        last_name="Hill",
        kind=CandidateKind.BOTH,
        headline="Peer mentor who has walked the road himself",
        summary="I run a weekly peer group and mentor young men leaving prison.",
        home="Chicago, IL",
        skills=("peer support", "mentoring", "group facilitation"),
        categories=(Category.PEER_SUPPORT, Category.OUTREACH),
    ),
    DemoCandidate(
        email="rosa@example.com",
        first_name="Rosa",
        last_name="Diaz",
        kind=CandidateKind.JOB_SEEKER,
        headline="Line cook, fast and careful",
        summary="Four years on the grill and prep line. Food handler's card.",
        home="Cleveland, OH",
        skills=("food prep", "grill", "food safety"),
        categories=(Category.HOSPITALITY,),
    ),
    # The demo seeker who gave the demo case worker access (partners.demo): a
    # profile, so the case worker sees real matches for them.
    DemoCandidate(
        email="seeker@example.com",
        first_name="Sam",
        last_name="Seeker",
        kind=CandidateKind.JOB_SEEKER,
        headline="Ready for warehouse work, days or nights",
        summary="I packed orders and kept the stock room tidy on a work programme. "
        "I learn fast and I am happy to lift and stand all shift.",
        home="Columbus, OH",
        skills=("picking and packing", "teamwork", "lifting"),
        categories=(Category.WAREHOUSE, Category.HOSPITALITY),
    ),
]
# The demo employer (who owns Ironbridge) has invited Dana to apply for this job.
INVITATION = ("dana@example.com", "Carpenter's helper")
INVITATION_MESSAGE = (
    "Your framing work on the crew looks like a good fit. We train on the job and "
    "would be glad to hear from you."
)


@transaction.atomic
def load_demo_candidates(*, password: str, employer_user: User) -> list[CandidateProfile]:
    """The demo candidates, discoverable, and one invitation; safe to run again."""
    credentials = {c.slug: c for c in Credential.objects.all()}
    profiles = [_profile(demo, password, credentials) for demo in DEMO_CANDIDATES]
    _invite(employer_user)
    return profiles


def _profile(demo: DemoCandidate, password: str, credentials: dict) -> CandidateProfile:
    user, created = User.objects.get_or_create(
        email=demo.email,
        defaults={
            "first_name": demo.first_name,
            "last_name": demo.last_name,
            "purpose": Purpose.FIND_WORK,
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=demo.email, defaults={"verified": True, "primary": True}
    )
    existing = CandidateProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    return services.profile_save(
        user=user,
        fields={
            "kind": demo.kind,
            "headline": demo.headline,
            "summary": demo.summary,
            "skills": list(demo.skills),
            "desired_categories": list(demo.categories),
            "employment_types": [EmploymentType.FULL_TIME, EmploymentType.PART_TIME],
            "travel_radius": demo.travel_radius,
            "availability": Availability.NOW,
            "is_discoverable": True,
        },
        home=find_place(demo.home),
        credentials=[credentials[slug] for slug in demo.credentials if slug in credentials],
    )


def _invite(employer_user: User) -> None:
    email, title = INVITATION
    profile = CandidateProfile.objects.filter(user__email=email).first()
    posting = (
        JobPosting.objects.visible()
        .filter(title=title, employer__memberships__user=employer_user)
        .first()
    )
    if profile is None or posting is None:
        return
    if ApplyInvitation.objects.filter(posting=posting, profile=profile).exists():
        return
    services.invite_to_apply(
        posting=posting, profile=profile, by=employer_user, message=INVITATION_MESSAGE
    )
