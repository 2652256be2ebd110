"""The shape of one demo posting, and names the demo data shares."""

from dataclasses import dataclass

from employers.models import CheckLevel, CheckTiming

from ..models import EmploymentType, ExperienceLevel, Status, Workplace

# Slugs of the credentials a migration seeds on every installation.
CPORS = "cpors"
CPSCP = "cpscp"
MASS_INCARCERATION = "mass-incarceration-social-services"
REENTRY_MENTAL_HEALTH = "reentry-mental-health-services"

AFTER_OFFER_BASIC = (CheckTiming.AFTER_OFFER, CheckLevel.BASIC)
AFTER_OFFER_STANDARD = (CheckTiming.AFTER_OFFER, CheckLevel.STANDARD)
BY_LAW_STANDARD = (CheckTiming.BEFORE_OFFER_BY_LAW, CheckLevel.STANDARD)
BY_LAW_ENHANCED = (CheckTiming.BEFORE_OFFER_BY_LAW, CheckLevel.ENHANCED)


@dataclass(frozen=True)
class DemoPosting:
    """One posting as its employer would type it, and where it is in its life.

    `days_ago` is when it went live (for a draft or one waiting for review,
    when it was written). `apply` is empty (apply on this site), an https://
    address, or an email address. `checks` is (timing, level) where the role
    differs from the employer's policy.
    """

    employer: str
    title: str
    category: str
    places: tuple[str, ...]
    body: str
    days_ago: int
    pay: tuple[float, float, str] | None = None
    skills: tuple[str, ...] = ()
    employment_type: str = EmploymentType.FULL_TIME
    workplace: str = Workplace.ON_SITE
    # A remote posting is open to its employer's country; this limits it to one
    # US state (postal code) or UK nation.
    open_to_region: str = ""
    experience: str = ExperienceLevel.NONE
    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()
    checks: tuple[str, str] | None = None
    duties: tuple[str, ...] = ()
    apply: str = ""
    status: str = Status.PUBLISHED
    featured: bool = False
    rejection_reason: str = ""
