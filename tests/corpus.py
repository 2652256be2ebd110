"""A fixed corpus of postings in a real Elasticsearch, for the open-data tests
(API, feeds, structured data, widget): conftests import its fixtures."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.models import Category, EmploymentType, Workplace
from jobs.search.index import postings_index
from tests.factories import (
    EmployerFactory,
    ExpiredPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)


def refresh_index() -> None:
    report = drain_due()
    assert not report.failed, report
    get_client().indices.refresh(index=postings_index.alias)


@pytest.fixture
def index(es, seeded_credentials):
    ensure(postings_index)
    return postings_index


@pytest.fixture
def corpus(index):
    """Eight visible postings of three employers, and one expired."""
    now = timezone.now()
    ironbridge = VerifiedEmployerFactory(name="Ironbridge Builders", slug="ironbridge")
    lantern = VerifiedEmployerFactory(name="Lanternway Reentry", slug="lanternway")
    parcel = EmployerFactory(name="Parcel & Pallet", slug="parcel-pallet")
    made = [
        PublishedPostingFactory(
            employer=parcel,
            title="Warehouse operative",
            published_at=now - timedelta(days=1),
        ),
        PublishedPostingFactory(
            employer=parcel,
            title="Warehouse team leader",
            salary_min=40_000,
            salary_max=45_000,
            salary_period="year",
            published_at=now - timedelta(days=2),
        ),
        PublishedPostingFactory(
            employer=ironbridge,
            title="Site labourer",
            category=Category.CONSTRUCTION,
            employment_type=EmploymentType.TEMPORARY,
            published_at=now - timedelta(days=3),
        ),
        PublishedPostingFactory(
            employer=ironbridge,
            title="Forklift driver",
            description="<p>Move pallets in our warehouse yard.</p>",
            skills=["forklift"],
            published_at=now - timedelta(days=4),
        ),
        PublishedPostingFactory(
            employer=lantern,
            title="Reentry case manager",
            category=Category.CASE_MANAGEMENT,
            workplace=Workplace.REMOTE,
            open_to_country="US",
            located=False,
            salary_min=None,
            salary_max=None,
            salary_period="",
            published_at=now - timedelta(days=5),
        ),
        PublishedPostingFactory(
            employer=lantern,
            title="Peer support specialist",
            category=Category.PEER_SUPPORT,
            employment_type=EmploymentType.PART_TIME,
            check_timing="never",
            check_level="none",
            published_at=now - timedelta(days=6),
        ),
        PublishedPostingFactory(
            employer=lantern,
            title="Probation officer",
            category=Category.PROBATION,
            published_at=now - timedelta(days=7),
        ),
        PublishedPostingFactory(
            employer=parcel,
            title="Night warehouse picker",
            employment_type=EmploymentType.PART_TIME,
            published_at=now - timedelta(days=8),
        ),
    ]
    made[4].required_credentials.add(credential("cpors"))
    made[6].preferred_credentials.add(credential("cpors"))
    ExpiredPostingFactory(employer=parcel, title="Warehouse supervisor")
    refresh_index()
    return made
