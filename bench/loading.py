"""Writing a benchmark dataset into the database, fast.

This is benchmark data, not a user flow: rows go in with ``bulk_create``, so no
service runs, no signal fires and nothing is queued for the search index (the
benchmark rebuilds the index from the database, which is what it measures).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from employers.forms import location_from_place
from employers.models import (
    Employer,
    EmployerLocation,
    FairChancePolicy,
    MemberRole,
    Membership,
    PolicyExclusion,
    VerificationStatus,
)
from fairsite.accounts.models import User
from fairsite.database import refresh_statistics
from jobs.models import Credential, Currency, JobPosting, PostingLocation, Workplace

from .dataset import SEED, EmployerSpec, PostingSpec, employer_specs, posting_specs
from .towns import resolved_towns

BATCH_SIZE = 2_000


@dataclass(frozen=True)
class LoadReport:
    employers: int
    postings: int  # every posting written, live or not
    live_postings: int
    seconds: float


def load_dataset(
    postings: int, *, seed: int = SEED, now: datetime | None = None, batch_size: int = BATCH_SIZE
) -> LoadReport:
    """Write the dataset of ``postings`` live postings (see ``bench.dataset``)."""
    started = time.monotonic()
    now = now or timezone.now()
    specs = employer_specs(postings, seed=seed)
    locations = [location_from_place(place) for place in resolved_towns()]
    employer_ids = _write_employers(specs, locations, now=now)
    credential_ids = dict(Credential.objects.values_list("slug", "pk"))
    written = live = 0
    stream = posting_specs(postings, now=now, seed=seed, employers=specs)
    for batch in _batches(stream, batch_size):
        _write_postings(batch, employer_ids, credential_ids, locations)
        written += len(batch)
        live += sum(1 for spec in batch if spec.status == "published")
    # What the site's worker does daily: without it SQLite plans blind.
    refresh_statistics()
    return LoadReport(
        employers=len(specs),
        postings=written,
        live_postings=live,
        seconds=round(time.monotonic() - started, 2),
    )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@transaction.atomic
def _write_employers(
    specs: list[EmployerSpec], locations: list[dict], *, now
) -> list[tuple[int, int]]:
    """The employers with their policies, places and owners: (employer id, owner id) each."""
    employers = Employer.objects.bulk_create(
        Employer(
            name=spec.name,
            slug=spec.slug,
            industry=spec.industry,
            size=spec.size,
            about=f"{spec.name} hires people with criminal records.",
            verification_status=(
                VerificationStatus.VERIFIED if spec.is_verified else VerificationStatus.UNVERIFIED
            ),
            verified_at=now if spec.is_verified else None,
        )
        for spec in specs
    )
    policies = FairChancePolicy.objects.bulk_create(
        FairChancePolicy(
            employer=employer,
            check_timing=spec.check_timing,
            check_level=spec.check_level,
            ignores_spent_convictions=spec.ignores_spent_convictions,
            pledges=list(spec.pledges),
            support=list(spec.support),
            incentives=list(spec.incentives),
        )
        for employer, spec in zip(employers, specs, strict=True)
    )
    PolicyExclusion.objects.bulk_create(
        PolicyExclusion(policy=policy, role_type=role, offence_category=offence)
        for policy, spec in zip(policies, specs, strict=True)
        for role, offence in spec.exclusions
    )
    # Each organisation's owner, who wrote its postings (nobody signs in as them).
    owners = User.objects.bulk_create(
        User(email=f"owner@{spec.slug}.example", password=UNUSABLE_PASSWORD_PREFIX)
        for spec in specs
    )
    Membership.objects.bulk_create(
        Membership(user=owner, employer=employer, role=MemberRole.OWNER)
        for owner, employer in zip(owners, employers, strict=True)
    )
    EmployerLocation.objects.bulk_create(
        EmployerLocation(employer=employer, **locations[town])
        for employer, spec in zip(employers, specs, strict=True)
        for town in spec.towns
    )
    return [(employer.pk, owner.pk) for employer, owner in zip(employers, owners, strict=True)]


@transaction.atomic
def _write_postings(
    batch: list[PostingSpec],
    employer_ids: list[tuple[int, int]],
    credential_ids: dict[str, int],
    locations: list[dict],
) -> None:
    postings = JobPosting.objects.bulk_create(
        JobPosting(
            employer_id=employer_ids[spec.employer][0],
            created_by_id=employer_ids[spec.employer][1],
            title=spec.title,
            # What JobPosting.save() would set; bulk_create does not call save().
            slug=slugify(spec.title)[:160] or "job",
            description=spec.description,
            category=spec.category,
            employment_type=spec.employment_type,
            workplace=spec.workplace,
            # A remote job is open to its employer's whole country (its pay's).
            open_to_country=(
                ("GB" if spec.salary_currency == Currency.GBP else "US")
                if spec.workplace == Workplace.REMOTE
                else ""
            ),
            salary_min=spec.salary_min,
            salary_max=spec.salary_max,
            salary_period=spec.salary_period,
            salary_currency=spec.salary_currency,
            skills=list(spec.skills),
            duties=list(spec.duties),
            experience_level=spec.experience_level,
            check_timing=spec.check_timing,
            check_level=spec.check_level,
            application_method=spec.application_method,
            apply_url=spec.apply_url,
            apply_email=spec.apply_email,
            status=spec.status,
            published_at=spec.published_at,
            expires_at=spec.expires_at,
            featured_until=spec.featured_until,
        )
        for spec in batch
    )
    PostingLocation.objects.bulk_create(
        PostingLocation(posting=posting, **locations[town])
        for posting, spec in zip(postings, batch, strict=True)
        for town in spec.towns
    )
    for relation, attribute in (
        (JobPosting.required_credentials.through, "required"),
        (JobPosting.preferred_credentials.through, "preferred"),
    ):
        relation.objects.bulk_create(
            relation(jobposting_id=posting.pk, credential_id=credential_ids[slug])
            for posting, spec in zip(postings, batch, strict=True)
            for slug in getattr(spec, attribute)
        )
