"""A deterministic benchmark dataset: employers with policies, and their postings.

``employer_specs`` and ``posting_specs`` describe the rows as plain values,
decided by a seed and a reference time alone: the same seed and ``now`` give
the same rows, on any machine, whatever else changes (no ids, no clock, no
database). ``bench.loading`` writes them. Postings are generated lazily so
that 100,000 of them never sit in memory at once.

``n`` postings means ``n`` live ones (published, closing in the future: what
the search index holds), plus one in twenty more in the other states (drafts,
waiting for review, paused, filled, closed, expired), so the database has the
rows a real board keeps and every read must filter out.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import accumulate

from django.utils.text import slugify

from employers.models import (
    CheckLevel,
    CheckTiming,
    CompanySize,
    Incentive,
    Industry,
    OffenceCategory,
    Pledge,
    RoleType,
    Support,
)
from jobs.models import (
    ApplicationMethod,
    Category,
    Currency,
    EmploymentType,
    ExperienceLevel,
    SalaryPeriod,
    Status,
    Workplace,
)

from .towns import town_names
from .words import (
    BENEFITS,
    CATEGORIES,
    FAIR_CHANCE_LINES,
    INDUSTRY_CATEGORIES,
    NAME_FIRST,
    NAME_SECOND,
    TITLE_EXTRAS,
)

SEED = 20261123
MAX_EMPLOYERS = 2_000
POSTINGS_PER_EMPLOYER = 50  # on average; a few large employers post far more
NOT_LIVE_SHARE = 20  # one extra posting in other states per this many live ones
HISTORY_DAYS = 180
CREDENTIALS = (
    "cpors",
    "cpscp",
    "mass-incarceration-social-services",
    "reentry-mental-health-services",
)
# Categories whose roles ask for the reentry credentials.
REENTRY = {
    Category.PROBATION,
    Category.CORRECTIONAL_TREATMENT,
    Category.CASE_MANAGEMENT,
    Category.PEER_SUPPORT,
    Category.MENTAL_HEALTH,
    Category.OUTREACH,
}
HOURLY = {
    Category.WAREHOUSE,
    Category.CONSTRUCTION,
    Category.MANUFACTURING,
    Category.HOSPITALITY,
    Category.RETAIL,
    Category.DRIVING,
    Category.CLEANING,
    Category.CARE,
    Category.OTHER,
}
NOT_LIVE = (
    Status.DRAFT,
    Status.PENDING_REVIEW,
    Status.PAUSED,
    Status.FILLED,
    Status.CLOSED,
    Status.EXPIRED,
)


@dataclass(frozen=True)
class EmployerSpec:
    name: str
    slug: str
    industry: str
    size: str
    country: str
    is_verified: bool
    towns: tuple[int, ...]  # indices into towns.town_names(), the first is home
    check_timing: str
    check_level: str
    ignores_spent_convictions: bool
    pledges: tuple[str, ...]
    support: tuple[str, ...]
    incentives: tuple[str, ...]
    exclusions: tuple[tuple[str, str], ...]  # (role type, offence category)


@dataclass(frozen=True)
class PostingSpec:
    employer: int  # index into the employer specs
    title: str
    description: str  # sanitised HTML, as the posting form stores it
    category: str
    employment_type: str
    workplace: str
    salary_min: Decimal | None
    salary_max: Decimal | None
    salary_period: str
    salary_currency: str
    skills: tuple[str, ...]
    duties: tuple[str, ...]
    experience_level: str
    check_timing: str
    check_level: str
    application_method: str
    apply_url: str
    apply_email: str
    status: str
    published_at: datetime | None
    expires_at: datetime | None
    featured_until: datetime | None
    towns: tuple[int, ...]
    required: tuple[str, ...]  # credential slugs
    preferred: tuple[str, ...]


def employer_count(postings: int) -> int:
    return max(5, min(MAX_EMPLOYERS, postings // POSTINGS_PER_EMPLOYER))


def skewed(rng: random.Random, items, *, power: float = 1.0):
    """One of ``items``, the earlier ones more often (weight 1 / rank ** power)."""
    return rng.choices(items, cum_weights=_cumulative(len(items), power))[0]


_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def _cumulative(length: int, power: float) -> list[float]:
    key = (length, power)
    if key not in _CUMULATIVE:
        _CUMULATIVE[key] = list(accumulate(1 / (rank + 1) ** power for rank in range(length)))
    return _CUMULATIVE[key]


def _some(rng: random.Random, items, low: int, high: int) -> tuple:
    """Between ``low`` and ``high`` distinct items, skewed to the common ones, in list order."""
    wanted = min(rng.randint(low, high), len(items))
    chosen: set = set()
    while len(chosen) < wanted:
        chosen.add(skewed(rng, items, power=0.8))
    return tuple(item for item in items if item in chosen)


def employer_specs(postings: int, *, seed: int = SEED) -> list[EmployerSpec]:
    """The employers of a dataset of ``postings`` live postings."""
    rng = random.Random(f"{seed}-employers")
    towns = town_names()
    by_country = {
        country: [i for i, (_name, c) in enumerate(towns) if c == country]
        for country in ("US", "GB")
    }
    industries = list(Industry.values)
    specs = []
    for number in range(employer_count(postings)):
        country = "GB" if rng.random() < 0.25 else "US"
        industry = rng.choice(industries)
        name = f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND[industry])}"
        home = skewed(rng, by_country[country], power=0.7)
        others = {skewed(rng, by_country[country], power=0.7) for _ in range(rng.randint(0, 3))}
        timing = rng.choices(CheckTiming.values, weights=(20, 60, 20))[0]
        specs.append(
            EmployerSpec(
                name=name,
                slug=f"{slugify(name)}-{number + 1}",
                industry=industry,
                size=rng.choice(CompanySize.values),
                country=country,
                is_verified=rng.random() < 0.4,
                towns=(home, *sorted(others - {home})),
                check_timing=timing,
                check_level=_check_level(rng, timing),
                ignores_spent_convictions=rng.random() < 0.8,
                pledges=_some(rng, Pledge.values, 0, 2),
                support=_some(rng, Support.values, 0, 3),
                incentives=_some(rng, Incentive.values, 0, 2) if country == "US" else (),
                exclusions=tuple(
                    sorted(
                        {
                            (rng.choice(RoleType.values), rng.choice(OffenceCategory.values))
                            for _ in range(rng.randint(1, 2))
                        }
                    )
                )
                if timing == CheckTiming.BEFORE_OFFER_BY_LAW
                else (),
            )
        )
    return specs


def _check_level(rng: random.Random, timing: str) -> str:
    if timing == CheckTiming.NEVER:
        return CheckLevel.NONE
    return rng.choices(
        [CheckLevel.BASIC, CheckLevel.STANDARD, CheckLevel.ENHANCED], weights=(60, 30, 10)
    )[0]


def posting_specs(
    postings: int, *, now: datetime, seed: int = SEED, employers: list[EmployerSpec] | None = None
) -> Iterator[PostingSpec]:
    """``postings`` live postings and one in twenty more in other states, in a fixed order."""
    employers = employers if employers is not None else employer_specs(postings, seed=seed)
    rng = random.Random(f"{seed}-postings")
    # A few employers post a lot, most post a little.
    employer_weights = _cumulative(len(employers), 0.9)
    not_live = postings // NOT_LIVE_SHARE
    made_not_live = 0
    for number in range(postings + not_live):
        status = Status.PUBLISHED
        if number % (NOT_LIVE_SHARE + 1) == NOT_LIVE_SHARE and made_not_live < not_live:
            status = NOT_LIVE[made_not_live % len(NOT_LIVE)]
            made_not_live += 1
        index = rng.choices(range(len(employers)), cum_weights=employer_weights)[0]
        yield _posting(rng, index, employers[index], status=status, now=now)


def _posting(
    rng: random.Random, index: int, employer: EmployerSpec, *, status: str, now: datetime
) -> PostingSpec:
    category = rng.choice(INDUSTRY_CATEGORIES[employer.industry])
    words = CATEGORIES[category]
    title = skewed(rng, words.roles)
    if rng.random() < 0.08:
        grade = rng.choice(("Senior", "Trainee", "Lead", "Assistant"))
        title = f"{grade} {title[0].lower()}{title[1:]}"
    if rng.random() < 0.2:
        title = f"{title}, {rng.choice(TITLE_EXTRAS)}"
    workplace = rng.choices(Workplace.values, weights=(70, 18, 12))[0]
    if workplace == Workplace.REMOTE and rng.random() < 0.6:
        towns: tuple[int, ...] = ()
    elif rng.random() < 0.08:
        towns = tuple(dict.fromkeys(rng.choice(employer.towns) for _ in range(3)))
    else:
        towns = (rng.choice(employer.towns),)
    timing, level = employer.check_timing, employer.check_level
    if rng.random() < 0.2:
        timing = rng.choice(CheckTiming.values)
        level = _check_level(rng, timing)
    low, high, period = _pay(rng, category, employer.country)
    required = preferred = ()
    if category in REENTRY:
        if rng.random() < 0.35:
            required = (skewed(rng, CREDENTIALS),)
        if rng.random() < 0.35:
            preferred = tuple(sorted(set(_some(rng, CREDENTIALS, 1, 2)) - set(required)))
    method = rng.choices(ApplicationMethod.values, weights=(70, 20, 10))[0]
    published, expires, featured = _dates(rng, status, now)
    return PostingSpec(
        employer=index,
        title=title,
        description=_description(rng, employer, title, words, timing),
        category=category,
        employment_type=rng.choices(EmploymentType.values, weights=(60, 20, 8, 7, 3, 2))[0],
        workplace=workplace,
        salary_min=low,
        salary_max=high,
        salary_period=period,
        salary_currency=Currency.GBP if employer.country == "GB" else Currency.USD,
        skills=_some(rng, words.skills, 2, 5),
        duties=tuple(duty for duty in words.duties if rng.random() < 0.3),
        experience_level=rng.choices(ExperienceLevel.values, weights=(40, 30, 20, 10))[0],
        check_timing=timing,
        check_level=level,
        application_method=method,
        apply_url=f"https://careers.{employer.slug}.example/jobs/{rng.randrange(10**6)}"
        if method == ApplicationMethod.EXTERNAL_URL
        else "",
        apply_email=f"jobs@{employer.slug}.example" if method == ApplicationMethod.EMAIL else "",
        status=status,
        published_at=published,
        expires_at=expires,
        featured_until=featured,
        towns=towns,
        required=required,
        preferred=preferred,
    )


# Pay: (lowest start, highest start, widest range, step) per (period, currency).
PAY = {
    (SalaryPeriod.HOUR, Currency.USD): (14, 32, 6, Decimal("0.25")),
    (SalaryPeriod.HOUR, Currency.GBP): (11.5, 22, 4, Decimal("0.25")),
    (SalaryPeriod.YEAR, Currency.USD): (32_000, 95_000, 15_000, Decimal(500)),
    (SalaryPeriod.YEAR, Currency.GBP): (22_000, 55_000, 10_000, Decimal(500)),
    (SalaryPeriod.DAY, Currency.USD): (150, 300, 60, Decimal(5)),
    (SalaryPeriod.DAY, Currency.GBP): (110, 220, 40, Decimal(5)),
    (SalaryPeriod.WEEK, Currency.USD): (650, 1_300, 200, Decimal(10)),
    (SalaryPeriod.WEEK, Currency.GBP): (480, 950, 150, Decimal(10)),
}


def _pay(rng: random.Random, category: str, country: str):
    if rng.random() < 0.15:
        return None, None, ""
    if category in HOURLY:
        period = rng.choices(
            [SalaryPeriod.HOUR, SalaryPeriod.DAY, SalaryPeriod.WEEK], weights=(85, 8, 7)
        )[0]
    else:
        period = rng.choices([SalaryPeriod.YEAR, SalaryPeriod.HOUR], weights=(85, 15))[0]
    currency = Currency.GBP if country == "GB" else Currency.USD
    lowest, highest, widest, step = PAY[(period, currency)]

    def rounded(amount: float) -> Decimal:
        return (Decimal(str(amount)) / step).quantize(Decimal(1)) * step

    low = rounded(rng.uniform(lowest, highest))
    if rng.random() < 0.1:
        return low, None, period
    return low, low + rounded(rng.uniform(0, widest)), period


def _dates(rng: random.Random, status: str, now: datetime):
    published = now - timedelta(seconds=rng.uniform(0, HISTORY_DAYS * 86_400))
    expires = now + timedelta(seconds=rng.uniform(3_600, 90 * 86_400))
    featured = None
    if status == Status.PUBLISHED and rng.random() < 0.03:
        featured = now + timedelta(days=rng.uniform(1, 10))
    if status in (Status.DRAFT, Status.PENDING_REVIEW):
        return None, None, None
    if status == Status.EXPIRED:
        expires = now - timedelta(seconds=rng.uniform(3_600, 60 * 86_400))
        published = expires - timedelta(days=30)
    return published, expires, featured


def _description(rng: random.Random, employer: EmployerSpec, title: str, words, timing: str) -> str:
    lines = " ".join(rng.sample(words.lines, k=min(len(words.lines), rng.randint(1, 3))))
    tasks = "".join(f"<li>{task}</li>" for task in _some(rng, words.tasks, 2, 4))
    benefits = "".join(f"<li>{item}</li>" for item in _some(rng, BENEFITS, 2, 4))
    return (
        f"<p>{_escape(employer.name)} is hiring: {_escape(title)}. {lines}</p>"
        f"<p>What you will do:</p><ul>{tasks}</ul>"
        f"<p>What you get:</p><ul>{benefits}</ul>"
        f"<p>{FAIR_CHANCE_LINES[timing]}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
