"""Writing the judged set through the site's own services, as employers and editors would.

Each organisation is made and given its fair-chance policy by its owner, and
verified by an editor where the set says so; each posting is created, sent for
review and approved, then closed, left as a draft or expired as the set says.
The one step outside the services is moving an expired posting's closing date
into the past (as the demo loader moves dates), before the expiry task runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from employers import services as employer_services
from employers.forms import location_from_place
from employers.models import Employer
from fairsite.accounts.models import Purpose, User
from fairsite.places import find_place
from jobs import services
from jobs.models import Credential, Currency, JobPosting

from .employers import EMPLOYERS_BY_KEY
from .postings import POSTINGS
from .shapes import JudgedEmployer, JudgedPosting

# Set on the posting when the model has them (remote work: where it is open to).
OPEN_TO_FIELDS = {"country": "open_to_country", "region": "open_to_region"}


@transaction.atomic
def load_judged_set(postings: Iterable[JudgedPosting] = POSTINGS) -> dict[str, int]:
    """Write the postings and their employers; the key of each posting -> its id."""
    postings = list(postings)
    editor = User.objects.create_superuser(email="judged-editor@example.org", password=None)
    employers = {
        key: _employer(EMPLOYERS_BY_KEY[key], editor=editor)
        for key in dict.fromkeys(posting.employer for posting in postings)
    }
    credentials = {credential.slug: credential for credential in Credential.objects.all()}
    ids = {}
    for posting in postings:
        employer, owner = employers[posting.employer]
        ids[posting.key] = _posting(
            posting, employer=employer, owner=owner, editor=editor, credentials=credentials
        ).pk
    services.postings_expire()
    return ids


def _employer(spec: JudgedEmployer, *, editor: User) -> tuple[Employer, User]:
    owner = User.objects.create_user(email=f"owner@{spec.key}.example", purpose=Purpose.HIRE)
    employer = employer_services.employer_create(
        by=owner, name=spec.name, slug=spec.key, industry=spec.industry, size="50-249",
        about=spec.about,
    )  # fmt: skip
    employer_services.policy_save(
        employer=employer,
        by=owner,
        fields={"check_timing": spec.check_timing, "check_level": spec.check_level},
        exclusions=[],
    )
    if spec.verified:
        employer_services.employer_verify(employer=employer, by=editor)
    return employer, owner


def place_of(text: str, *, country: str):
    """Where a posting's place is, read as its employer's country would read it."""
    return find_place(text, prefer_country=country)


def _posting(
    spec: JudgedPosting, *, employer: Employer, owner: User, editor: User, credentials: dict
) -> JobPosting:
    country = EMPLOYERS_BY_KEY[spec.employer].country
    posting = services.posting_create(
        employer=employer,
        by=owner,
        fields=_fields(spec, country=country),
        locations=[location_from_place(place_of(text, country=country)) for text in spec.places],
        credentials={
            "required": [credentials[slug] for slug in spec.required],
            "preferred": [credentials[slug] for slug in spec.preferred],
        },
    )
    if spec.status == "draft":
        return posting
    services.posting_submit(posting=posting, by=owner, accept_flags=True)
    if spec.status == "pending_review":
        return posting
    services.posting_approve(posting=posting, by=editor)
    if spec.status == "closed":
        services.posting_close(posting=posting, by=owner)
    elif spec.status == "filled":
        services.posting_mark_filled(posting=posting, by=owner)
    elif spec.status == "expired":
        JobPosting.objects.filter(pk=posting.pk).update(
            expires_at=timezone.now() - timedelta(hours=1)
        )
    return posting


def _fields(spec: JudgedPosting, *, country: str) -> dict:
    low, high, period = spec.pay or (None, None, "")
    fields = {
        "title": spec.title,
        "description": "".join(f"<p>{paragraph}</p>" for paragraph in spec.body.split("\n\n")),
        "category": spec.category,
        "employment_type": spec.employment_type,
        "workplace": spec.workplace,
        "salary_min": None if low is None else Decimal(str(low)),
        "salary_max": None if high is None else Decimal(str(high)),
        "salary_period": period,
        "salary_currency": Currency.GBP if country == "GB" else Currency.USD,
        "skills": list(spec.skills),
        "duties": list(spec.duties),
    }
    model_fields = {field.name for field in JobPosting._meta.get_fields()}
    for part, name in OPEN_TO_FIELDS.items():
        if name in model_fields and part in spec.open_to:
            fields[name] = spec.open_to[part]
    return fields
