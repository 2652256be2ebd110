"""Generated job alerts for the alerts benchmark: saved searches as people make them.

Like ``bench.dataset``, fixed by a seed and nothing else. The searches are made
of the same word banks, towns and facets as the search benchmark's query set
(``bench.queries``), so they meet the postings the way real alerts would:

- four in five have words (a title, a skill, or both, sometimes plural);
- two in five a category, one in three one or two more facets or flags;
- seven in ten a town and a radius the site offers;
- one in a hundred nothing at all (every new job, anywhere);
- how often: half instant, a third daily, the rest weekly.

``load_alerts`` writes them with ``bulk_create`` for owners made for them (a
few alerts each): no service runs and nothing is queued for the index, as the
benchmark rebuilds the alerts index from the database.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction

from candidates.alerts.models import Alert, Frequency, assign_criteria
from fairsite.accounts.models import User
from fairsite.database import refresh_statistics
from jobs.search.queries import RADII_MILES

from .dataset import SEED, skewed
from .queries import _category, _facet_values, _words
from .towns import resolved_towns

ALERTS_PER_OWNER = 4
BATCH_SIZE = 5_000
FLAG_NAMES = {"after_offer"}


@dataclass(frozen=True)
class AlertSpec:
    text: str
    filters: tuple[tuple[str, str], ...]
    flags: tuple[str, ...]
    town: int | None  # index into resolved_towns()
    radius_miles: int | None
    frequency: str


def alert_specs(count: int, *, seed: int = SEED) -> Iterator[AlertSpec]:
    """``count`` saved searches, lazily; the same ones for the same seed."""
    rng = random.Random(f"{seed}-alerts")
    towns = resolved_towns()
    for _ in range(count):
        frequency = rng.choices(
            [Frequency.INSTANT, Frequency.DAILY, Frequency.WEEKLY], weights=(50, 35, 15)
        )[0]
        if rng.random() < 0.01:
            yield AlertSpec("", (), (), None, None, frequency)
            continue
        category = _category(rng)
        text = _words(rng, category) if rng.random() < 0.8 else ""
        chosen = [("category", category)] if rng.random() < 0.4 else []
        if rng.random() < 1 / 3:
            chosen += _facet_values(rng, rng.randint(1, 2))
        town = radius = None
        if rng.random() < 0.7:
            town = towns.index(skewed(rng, towns, power=0.7))
            radius = rng.choice(RADII_MILES)
        yield AlertSpec(
            text=text,
            filters=tuple((k, v) for k, v in chosen if k not in FLAG_NAMES),
            flags=tuple(k for k, _v in chosen if k in FLAG_NAMES),
            town=town,
            radius_miles=radius,
            frequency=frequency,
        )


def load_alerts(count: int, *, seed: int = SEED, batch_size: int = BATCH_SIZE) -> dict:
    """Write ``count`` alerts and their owners; what was written and how long it took."""
    started = time.monotonic()
    towns = resolved_towns()
    stream = alert_specs(count, seed=seed)
    written = owners = 0
    while batch := list(islice(stream, batch_size)):
        with transaction.atomic():
            people = User.objects.bulk_create(
                User(email=f"alerts-{owners + n}@bench.example", password=UNUSABLE_PASSWORD_PREFIX)
                for n in range(-(-len(batch) // ALERTS_PER_OWNER))
            )
            owners += len(people)
            alerts = [
                Alert(
                    owner=people[n // ALERTS_PER_OWNER],
                    name=spec.text or "All jobs",
                    text=spec.text,
                    filters=dict(spec.filters),
                    flags=list(spec.flags),
                    place_label=towns[spec.town].label if spec.town is not None else "",
                    latitude=towns[spec.town].latitude if spec.town is not None else None,
                    longitude=towns[spec.town].longitude if spec.town is not None else None,
                    radius_miles=spec.radius_miles,
                    frequency=spec.frequency,
                )
                for n, spec in enumerate(batch)
            ]
            assign_criteria(alerts)
            Alert.objects.bulk_create(alerts)
        written += len(batch)
    refresh_statistics()  # as after load_dataset
    return {"alerts": written, "owners": owners, "seconds": round(time.monotonic() - started, 2)}
