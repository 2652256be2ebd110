"""A deterministic set of discoverable candidates, and writing it fast.

Like ``bench.dataset``, ``candidate_specs`` decides every row from a seed
alone, lazily, so 100,000 never sit in memory at once. Homes are spread over the
same towns as the postings (big towns more often), a little off each town's
centre so distances differ; what people want follows the posting categories'
own word banks, so matching meets real overlaps. Three in ten chose some
fair-chance preferences, stored encrypted as the site stores them.

``load_candidates`` writes users, profiles, homes, one job each, credentials and
preferences with ``bulk_create``: no signal fires, nothing is queued; the
benchmark rebuilds the candidates index from the database.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction

from candidates.encryption import encrypt_preferences
from candidates.models import (
    CandidateKind,
    CandidateProfile,
    ExperienceEntry,
    HomeLocation,
    PrivatePreferences,
    TravelRadius,
)
from candidates.preferences import FairChancePreferences
from employers.forms import location_from_place
from employers.models import CheckLevel, RoleType, Support
from fairsite.accounts.models import User
from fairsite.database import refresh_statistics
from jobs.models import Credential, EmploymentType

from .dataset import CREDENTIALS, REENTRY, SEED, skewed
from .towns import resolved_towns, town_names
from .words import CATEGORIES

BATCH_SIZE = 2_000
PREFERENCE_SHARE = 0.3


@dataclass(frozen=True)
class CandidateSpec:
    kind: str
    headline: str
    skills: tuple[str, ...]
    categories: tuple[str, ...]
    employment_types: tuple[str, ...]
    credentials: tuple[str, ...]
    town: int
    offset: tuple[float, float]  # degrees off the town's centre
    travel_radius: int
    remote_ok: bool
    preferences: FairChancePreferences | None


def candidate_specs(count: int, *, seed: int = SEED) -> Iterator[CandidateSpec]:
    rng = random.Random(f"{seed}-candidates")
    towns = town_names()
    by_country = {c: [i for i, (_n, tc) in enumerate(towns) if tc == c] for c in ("US", "GB")}
    categories = list(CATEGORIES)
    for _ in range(count):
        kind = rng.choices(CandidateKind.values, weights=(70, 15, 15))[0]
        if kind == CandidateKind.JOB_SEEKER:
            wanted = [c for c in categories if c not in REENTRY]
        else:
            wanted = [c for c in categories if c in REENTRY]
        first = skewed(rng, wanted, power=0.8)
        chosen = tuple(dict.fromkeys([first, rng.choice(wanted)][: rng.randint(1, 2)]))
        words = CATEGORIES[first]
        skills = tuple(dict.fromkeys(skewed(rng, words.skills, power=0.8) for _ in range(4)))
        credentials = ()
        if kind != CandidateKind.JOB_SEEKER:
            credentials = tuple(sorted(set(rng.sample(CREDENTIALS, rng.randint(0, 2)))))
        country = "GB" if rng.random() < 0.25 else "US"
        yield CandidateSpec(
            kind=kind,
            headline=skewed(rng, words.roles, power=0.8),
            skills=skills,
            categories=chosen,
            employment_types=tuple(
                sorted(set(rng.choices(EmploymentType.values, k=rng.randint(1, 2))))
            ),
            credentials=credentials,
            town=skewed(rng, by_country[country], power=0.7),
            offset=(rng.uniform(-0.15, 0.15), rng.uniform(-0.15, 0.15)),
            travel_radius=rng.choices(TravelRadius.values, weights=(15, 35, 35, 15))[0],
            remote_ok=rng.random() < 0.25,
            preferences=_preferences(rng) if rng.random() < PREFERENCE_SHARE else None,
        )


def _preferences(rng: random.Random) -> FairChancePreferences:
    return FairChancePreferences(
        only_checks_after_offer=rng.random() < 0.6,
        highest_check_level=rng.choice(["", "", CheckLevel.BASIC, CheckLevel.STANDARD]),
        avoid_duties=tuple(d for d in RoleType.values if rng.random() < 0.1),
        needs_support=tuple(s for s in Support.values if rng.random() < 0.1),
        only_ignores_spent_convictions=rng.random() < 0.2,
    )


@dataclass(frozen=True)
class CandidatesLoaded:
    candidates: int
    with_preferences: int
    seconds: float


def load_candidates(count: int, *, seed: int = SEED) -> CandidatesLoaded:
    """Write ``count`` discoverable candidates (see ``candidate_specs``)."""
    started = time.monotonic()
    locations = [location_from_place(place) for place in resolved_towns()]
    credential_ids = dict(Credential.objects.values_list("slug", "pk"))
    written = with_preferences = 0
    stream = candidate_specs(count, seed=seed)
    while batch := list(islice(stream, BATCH_SIZE)):
        with_preferences += _write(batch, written, locations, credential_ids)
        written += len(batch)
    refresh_statistics()  # as after load_dataset
    return CandidatesLoaded(written, with_preferences, round(time.monotonic() - started, 2))


@transaction.atomic
def _write(batch: list[CandidateSpec], start: int, locations, credential_ids) -> int:
    users = User.objects.bulk_create(
        User(email=f"candidate{start + n}@bench.example", password=UNUSABLE_PASSWORD_PREFIX)
        for n in range(len(batch))
    )
    profiles = CandidateProfile.objects.bulk_create(
        CandidateProfile(
            user=user,
            kind=spec.kind,
            headline=spec.headline,
            skills=list(spec.skills),
            desired_categories=list(spec.categories),
            employment_types=list(spec.employment_types),
            travel_radius=spec.travel_radius,
            remote_ok=spec.remote_ok,
            is_discoverable=True,
        )
        for user, spec in zip(users, batch, strict=True)
    )
    homes = []
    for profile, spec in zip(profiles, batch, strict=True):
        home = dict(locations[spec.town])
        home["latitude"] += spec.offset[0]
        home["longitude"] += spec.offset[1]
        homes.append(HomeLocation(profile=profile, **home))
    HomeLocation.objects.bulk_create(homes)
    ExperienceEntry.objects.bulk_create(
        ExperienceEntry(
            profile=profile,
            employer="A previous employer",
            title=spec.headline,
            started_on=date(2020, 1, 1),
            ended_on=date(2023, 1, 1),
        )
        for profile, spec in zip(profiles, batch, strict=True)
    )
    through = CandidateProfile.credentials.through
    through.objects.bulk_create(
        through(candidateprofile_id=profile.pk, credential_id=credential_ids[slug])
        for profile, spec in zip(profiles, batch, strict=True)
        for slug in spec.credentials
    )
    secrets = [
        PrivatePreferences(
            user=user, ciphertext=encrypt_preferences(spec.preferences, user_id=user.pk)
        )
        for user, spec in zip(users, batch, strict=True)
        if spec.preferences is not None and not spec.preferences.is_empty
    ]
    PrivatePreferences.objects.bulk_create(secrets)
    return len(secrets)
