"""Demo organisations for `make run`: made-up employers with fair-chance policies.

Every organisation, person and web address here is fictional. They cover the
industries people with records often start in, the agencies and charities that
hire reentry professionals, and every verification state an editor meets.
Loaded by `manage.py load_demo`, never by migrations or in production.
"""

from dataclasses import dataclass

from django.db import transaction

from fairsite.accounts.models import Purpose, User
from fairsite.places import find_place

from . import services
from .forms import location_from_place
from .models import (
    CheckLevel,
    CheckTiming,
    CompanySize,
    Employer,
    EmployerLocation,
    Incentive,
    Industry,
    MemberRole,
    Membership,
    OffenceCategory,
    Pledge,
    RoleType,
    Support,
    VerificationStatus,
)

# The demo employer login owns this organisation and recruits for the second.
DEMO_EMPLOYER_OWNS = "ironbridge-builders-collective"
DEMO_EMPLOYER_RECRUITS_FOR = "lanternway-reentry-network"


@dataclass(frozen=True)
class DemoEmployer:
    slug: str
    name: str
    industry: str
    size: str
    country: str  # "US" or "GB": where its places are, and whose incentives apply
    places: tuple[str, ...]
    about: str
    check_timing: str
    check_level: str
    pledges: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    incentives: tuple[str, ...] = ()
    exclusions: tuple[tuple[str, str], ...] = ()
    # "Spent" is a UK idea (Rehabilitation of Offenders Act); US employers leave it off.
    ignores_spent_convictions: bool = False
    verification: str = VerificationStatus.VERIFIED
    auto_approve_postings: bool = False

    @property
    def website(self) -> str:
        return f"https://example.org/{self.slug}"


_LAW_FOR_ADULTS_AT_RISK = (
    (RoleType.VULNERABLE_ADULTS, OffenceCategory.SEXUAL),
    (RoleType.VULNERABLE_ADULTS, OffenceCategory.VIOLENCE),
)

DEMO_EMPLOYERS = [
    DemoEmployer(
        slug="pinecrest-parcel-pallet",
        name="Pinecrest Parcel & Pallet",
        industry=Industry.WAREHOUSE,
        size=CompanySize.LARGE,
        country="US",
        places=("Columbus, OH", "Cleveland, OH", "Chicago, IL"),
        about=(
            "We store and ship goods for shops across the Midwest.\n\n"
            "Most of our team started with no warehouse experience. We train you on "
            "the job, and our shift leads started where you will."
        ),
        check_timing=CheckTiming.AFTER_OFFER,
        check_level=CheckLevel.BASIC,
        pledges=(Pledge.FAIR_CHANCE_BUSINESS, Pledge.SECOND_CHANCE_COALITION),
        support=(Support.TRAINING, Support.TRANSPORT, Support.FLEXIBLE_HOURS),
        incentives=(Incentive.WOTC, Incentive.FEDERAL_BONDING),
        exclusions=((RoleType.DRIVING, OffenceCategory.DRIVING),),
        auto_approve_postings=True,
    ),
    DemoEmployer(
        slug=DEMO_EMPLOYER_OWNS,
        name="Ironbridge Builders Collective",
        industry=Industry.CONSTRUCTION,
        size=CompanySize.SMALL,
        country="US",
        places=("Philadelphia, PA", "Portland, OR"),
        about=(
            "We build and repair homes and small shops.\n\n"
            "Our crews mix skilled trades people and apprentices. Many of us got our "
            "first building job after prison, so we know what a fair chance is worth."
        ),
        check_timing=CheckTiming.AFTER_OFFER,
        check_level=CheckLevel.BASIC,
        pledges=(Pledge.BAN_THE_BOX,),
        support=(Support.TRAINING, Support.MENTORING, Support.TRANSPORT),
        incentives=(Incentive.WOTC, Incentive.FEDERAL_BONDING),
    ),
    DemoEmployer(
        slug="cast-iron-table-kitchens",
        name="Cast Iron Table Kitchens",
        industry=Industry.HOSPITALITY,
        size=CompanySize.MEDIUM,
        country="US",
        places=("Atlanta, GA", "Houston, TX"),
        about=(
            "We run neighborhood restaurants and a catering kitchen.\n\n"
            "We hire for attitude and teach the rest. Your past is not our business: "
            "we never look at criminal records."
        ),
        check_timing=CheckTiming.NEVER,
        check_level=CheckLevel.NONE,
        pledges=(Pledge.FAIR_CHANCE_BUSINESS,),
        support=(Support.FLEXIBLE_HOURS, Support.TRAINING, Support.MENTORING),
        incentives=(Incentive.WOTC, Incentive.FEDERAL_BONDING),
    ),
    DemoEmployer(
        slug="foundry-row-components",
        name="Foundry Row Components",
        industry=Industry.MANUFACTURING,
        size=CompanySize.MEDIUM,
        country="US",
        places=("Cleveland, OH", "Chicago, IL"),
        about=(
            "We machine and assemble metal parts for farm and rail equipment.\n\n"
            "We run day and night shifts, and we pay for forklift and welding "
            "certificates."
        ),
        check_timing=CheckTiming.AFTER_OFFER,
        check_level=CheckLevel.STANDARD,
        pledges=(Pledge.SECOND_CHANCE_COALITION,),
        support=(Support.TRAINING, Support.FLEXIBLE_HOURS),
        incentives=(Incentive.WOTC,),
        verification=VerificationStatus.PENDING,
    ),
    DemoEmployer(
        slug="ashgrove-county-adult-probation",
        name="Ashgrove County Adult Probation Department",
        industry=Industry.JUSTICE,
        size=CompanySize.LARGE,
        country="US",
        places=("Columbus, OH", "Westerville, OH"),
        about=(
            "We supervise adults placed on probation by the county courts.\n\n"
            "Our officers help people meet their court conditions and settle into "
            "work, housing and treatment. We use evidence-based practice and train "
            "our staff all through their careers."
        ),
        check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
        check_level=CheckLevel.STANDARD,
        support=(Support.TRAINING, Support.MENTORING),
        exclusions=(
            (RoleType.SECURITY, OffenceCategory.VIOLENCE),
            (RoleType.SECURITY, OffenceCategory.DRUG_SUPPLY),
            (RoleType.CHILDREN, OffenceCategory.SEXUAL),
            (RoleType.CHILDREN, OffenceCategory.VIOLENCE),
        ),
    ),
    DemoEmployer(
        slug="cedar-plains-corrections",
        name="Cedar Plains Department of Corrections",
        industry=Industry.JUSTICE,
        size=CompanySize.ENTERPRISE,
        country="US",
        places=("Houston, TX", "Huntsville, TX"),
        about=(
            "We run prisons and reentry centers, and we supervise people released on "
            "parole.\n\n"
            "Our treatment and reentry staff help people get ready for life after "
            "release, from the first week inside to the first year home."
        ),
        check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
        check_level=CheckLevel.STANDARD,
        support=(Support.TRAINING, Support.FLEXIBLE_HOURS),
        exclusions=(
            (RoleType.SECURITY, OffenceCategory.VIOLENCE),
            (RoleType.SECURITY, OffenceCategory.DRUG_SUPPLY),
            (RoleType.SECURITY, OffenceCategory.ARSON),
            (RoleType.VULNERABLE_ADULTS, OffenceCategory.SEXUAL),
        ),
    ),
    DemoEmployer(
        slug=DEMO_EMPLOYER_RECRUITS_FOR,
        name="Lanternway Reentry Network",
        industry=Industry.SOCIAL_SERVICES,
        size=CompanySize.MEDIUM,
        country="US",
        places=("Chicago, IL", "Atlanta, GA", "Philadelphia, PA"),
        about=(
            "We are a non-profit that helps people coming home from prison find "
            "housing, work and support.\n\n"
            "Many of our staff have been through the justice system themselves. "
            "Lived experience counts here."
        ),
        check_timing=CheckTiming.AFTER_OFFER,
        check_level=CheckLevel.BASIC,
        pledges=(Pledge.FAIR_CHANCE_BUSINESS, Pledge.BAN_THE_BOX),
        support=(
            Support.MENTORING,
            Support.FLEXIBLE_HOURS,
            Support.TRANSPORT,
            Support.TRAINING,
        ),
        incentives=(Incentive.FEDERAL_BONDING,),
    ),
    DemoEmployer(
        slug="meadowlark-behavioral-health",
        name="Meadowlark Community Behavioral Health",
        industry=Industry.HEALTH_CARE,
        size=CompanySize.MEDIUM,
        country="US",
        places=("Portland, OR", "Philadelphia, PA"),
        about=(
            "We give mental-health and recovery care to adults, including people "
            "leaving jail, prison or hospital.\n\n"
            "Our teams work in clinics, in people's homes, and alongside probation "
            "and parole officers."
        ),
        check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
        check_level=CheckLevel.STANDARD,
        support=(Support.TRAINING, Support.MENTORING, Support.FLEXIBLE_HOURS),
        incentives=(Incentive.WOTC,),
        exclusions=(
            *_LAW_FOR_ADULTS_AT_RISK,
            (RoleType.HEALTH_CARE, OffenceCategory.DRUG_SUPPLY),
        ),
        verification=VerificationStatus.PENDING,
    ),
    DemoEmployer(
        slug="second-stride-peer-mentoring",
        name="Second Stride Peer Mentoring",
        industry=Industry.SOCIAL_SERVICES,
        size=CompanySize.SMALL,
        country="GB",
        places=("Leeds", "Manchester", "Bradford"),
        about=(
            "We are a charity in West Yorkshire and Greater Manchester.\n\n"
            "Our peer mentors have lived experience of prison, addiction or both. "
            "They walk alongside people through their first months after release."
        ),
        check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
        check_level=CheckLevel.BASIC,
        ignores_spent_convictions=True,
        pledges=(Pledge.BAN_THE_BOX,),
        support=(
            Support.MENTORING,
            Support.FLEXIBLE_HOURS,
            Support.TRAINING,
            Support.TRANSPORT,
        ),
        exclusions=_LAW_FOR_ADULTS_AT_RISK,
    ),
    DemoEmployer(
        slug="hearthstone-resettlement-trust",
        name="Hearthstone Resettlement Trust",
        industry=Industry.SOCIAL_SERVICES,
        size=CompanySize.MEDIUM,
        country="GB",
        places=("E1", "Birmingham", "Bristol"),
        about=(
            "We help people leaving prison with housing, benefits, money and mental "
            "health. We start before release and carry on after.\n\n"
            "We work inside prisons, in the community, and with the Probation Service."
        ),
        check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
        check_level=CheckLevel.STANDARD,
        ignores_spent_convictions=True,
        pledges=(Pledge.BAN_THE_BOX,),
        support=(Support.TRAINING, Support.MENTORING, Support.FLEXIBLE_HOURS),
        exclusions=_LAW_FOR_ADULTS_AT_RISK,
    ),
    DemoEmployer(
        slug="kestrel-and-brook-cleaning",
        name="Kestrel & Brook Cleaning",
        industry=Industry.FACILITIES,
        size=CompanySize.MEDIUM,
        country="GB",
        places=("E1", "Birmingham", "Bristol"),
        about=(
            "We clean offices and shops in London, Birmingham and Bristol.\n\n"
            "Every new starter gets a paid induction and their own kit. We pay at "
            "least the Real Living Wage."
        ),
        check_timing=CheckTiming.AFTER_OFFER,
        check_level=CheckLevel.BASIC,
        ignores_spent_convictions=True,
        pledges=(Pledge.BAN_THE_BOX,),
        support=(Support.TRAINING, Support.FLEXIBLE_HOURS),
    ),
    DemoEmployer(
        slug="clydeside-crate-courier",
        name="Clydeside Crate & Courier",
        industry=Industry.WAREHOUSE,
        size=CompanySize.SMALL,
        country="GB",
        places=("Glasgow", "Manchester"),
        about=(
            "We are a family-run warehouse and van delivery firm.\n\n"
            "We have never asked about records, and we don't plan to start."
        ),
        check_timing=CheckTiming.NEVER,
        check_level=CheckLevel.NONE,
        ignores_spent_convictions=True,
        support=(Support.TRAINING,),
        verification=VerificationStatus.UNVERIFIED,
    ),
]
DEMO_EMPLOYERS_BY_SLUG = {demo.slug: demo for demo in DEMO_EMPLOYERS}


def demo_location(text: str, *, country: str) -> dict:
    """Location fields for a place name, with the gazetteer's real coordinates."""
    return location_from_place(find_place(text, prefer_country=country))


def owner_of(employer: Employer) -> User:
    """The organisation's first owner, who writes its postings in the demo."""
    return employer.memberships.filter(role=MemberRole.OWNER).order_by("id").first().user


@transaction.atomic
def load_demo_employers(*, editor: User, employer_user: User) -> dict[str, Employer]:
    """The demo organisations by slug; any already there are left as they are."""
    employers = {}
    for demo in DEMO_EMPLOYERS:
        employer = Employer.objects.filter(slug=demo.slug).first()
        if employer is None:
            owner = employer_user if demo.slug == DEMO_EMPLOYER_OWNS else _hiring_account(demo)
            employer = _create_employer(demo, owner=owner, editor=editor)
        employers[demo.slug] = employer
    _join_as_recruiter(employers[DEMO_EMPLOYER_RECRUITS_FOR], employer_user)
    return employers


def _hiring_account(demo: DemoEmployer) -> User:
    # Nobody signs in as these; they exist because an organisation needs an owner.
    user, created = User.objects.get_or_create(
        email=f"{demo.slug}@example.org", defaults={"purpose": Purpose.HIRE}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _create_employer(demo: DemoEmployer, *, owner: User, editor: User) -> Employer:
    employer = services.employer_create(
        by=owner,
        name=demo.name,
        slug=demo.slug,
        website=demo.website,
        industry=demo.industry,
        size=demo.size,
        about=demo.about,
    )
    EmployerLocation.objects.bulk_create(
        EmployerLocation(employer=employer, **demo_location(place, country=demo.country))
        for place in demo.places
    )
    services.policy_save(
        employer=employer,
        by=owner,
        fields={
            "check_timing": demo.check_timing,
            "check_level": demo.check_level,
            "ignores_spent_convictions": demo.ignores_spent_convictions,
            "pledges": list(demo.pledges),
            "support": list(demo.support),
            "incentives": list(demo.incentives),
        },
        exclusions=list(demo.exclusions),
    )
    if demo.verification == VerificationStatus.VERIFIED:
        services.employer_verify(employer=employer, by=editor)
        if demo.auto_approve_postings:
            services.employer_set_auto_approve(employer=employer, by=editor, value=True)
    elif demo.verification == VerificationStatus.PENDING:
        services.employer_request_verification(employer=employer, by=owner)
    return employer


def _join_as_recruiter(employer: Employer, user: User) -> None:
    if Membership.objects.filter(employer=employer, user=user).exists():
        return
    invitation = services.invitation_create(
        employer=employer, by=owner_of(employer), email=user.email, role=MemberRole.RECRUITER
    )
    services.invitation_accept(invitation=invitation, user=user)
