"""Fixtures shared by the whole suite.

Elasticsearch, stripe-mock and an S3-compatible store are real servers, started
once per test session on free loopback ports (only if some test asks for them)
and stopped at the end. Each test that uses Elasticsearch gets its own index
prefix, deleted afterwards; each that uses S3 gets its own pair of buckets.
Every other test keeps its uploads on the local disk, in its own folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from fairsite.devtools.elasticsearch import ElasticsearchServer, ElasticsearchUnavailable
from fairsite.devtools.s3 import S3Server, S3Unavailable
from fairsite.devtools.stripe_mock import StripeMockServer, StripeMockUnavailable


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Private files (CVs) of each test in its own folder, never in var/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_fragment_cache():
    """Each test starts with no cached page fragments or kept rows: its database is
    rolled back afterwards, so the next test could reach the same index
    generation again."""
    from django.core.cache import caches

    from fairsite.process_memory import forget_everything

    caches["fragments"].clear()
    forget_everything()


@pytest.fixture(scope="session")
def elasticsearch_server():
    """A real Elasticsearch for the session: TEST_ELASTICSEARCH_URL, or one we start."""
    if url := os.environ.get("TEST_ELASTICSEARCH_URL"):
        yield url
        return
    data_root = Path(tempfile.mkdtemp(prefix="fairchance-es-test-"))
    server = ElasticsearchServer(data_root=data_root, name="fairchance-test")
    try:
        server.start()
    except (ElasticsearchUnavailable, FileNotFoundError) as error:
        shutil.rmtree(data_root, ignore_errors=True)
        pytest.fail(f"Cannot start Elasticsearch for the tests: {error}", pytrace=False)
    try:
        yield server.url
    finally:
        server.stop()
        shutil.rmtree(data_root, ignore_errors=True)


@pytest.fixture
def es(elasticsearch_server, settings):
    """The project's client, pointed at the real server with this test's own indices."""
    from fairsite.search.client import get_client

    settings.ELASTICSEARCH = {**settings.ELASTICSEARCH, "URL": elasticsearch_server, "TIMEOUT": 30}
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    client = get_client()
    yield client
    client.indices.delete(
        index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
        expand_wildcards="all",
        ignore_unavailable=True,
    )


@pytest.fixture(scope="session")
def stripe_mock_server():
    server = StripeMockServer()
    try:
        server.start()
    except (StripeMockUnavailable, FileNotFoundError) as error:
        pytest.fail(f"Cannot start stripe-mock for the tests: {error}", pytrace=False)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def stripe_settings(stripe_mock_server, settings):
    """Payments switched on, with every Stripe call going to stripe-mock."""
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    settings.STRIPE_API_BASE = stripe_mock_server
    return settings


@pytest.fixture
def stripe_events(stripe_settings):
    """Builds and delivers signed webhook events made from Stripe's own example objects."""
    from tests.stripe_events import StripeEvents

    return StripeEvents(
        api_base=stripe_settings.STRIPE_API_BASE, secret=stripe_settings.STRIPE_WEBHOOK_SECRET
    )


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's server mode) for the session."""
    server = S3Server()
    try:
        server.start()
    except S3Unavailable as error:
        pytest.fail(f"Cannot start the S3-compatible server for the tests: {error}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def s3_storage(s3_server, settings):
    """Uploads on the S3-compatible server for this test, in two fresh buckets.

    STORAGES come from the S3_* variables exactly as production reads them;
    returns those variables, with `client` (boto3) for looking inside the store.
    """
    from types import SimpleNamespace

    from fairsite.settings.storage import storages_from

    variables = s3_server.new_buckets()
    settings.STORAGES = {**settings.STORAGES, **storages_from(variables)}
    return SimpleNamespace(
        variables=variables,
        url=s3_server.url,
        media_bucket=variables["S3_MEDIA_BUCKET"],
        private_bucket=variables["S3_PRIVATE_BUCKET"],
        client=s3_server.client(),
    )


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) on a free port, not started: the test starts it.

    Yields the controller and the Collector of accepted messages.
    """
    from aiosmtpd.controller import Controller

    from fairsite.devtools.paths import free_port
    from tests.smtp import Collector

    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 2
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    yield controller, collector
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


@pytest.fixture
def home_page(db):
    """The site's home page at the root of the default site, on any database state.

    Browser tests run on a database that is emptied between tests, which also
    removes the page tree Wagtail's migrations create; this puts it back.
    """
    from wagtail.models import Locale, Page

    from cms.demo import load_home_page

    locale, _ = Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return load_home_page()


@pytest.fixture
def seeded_credentials(db):
    """The credentials a migration seeds, back after a browser test emptied the database."""
    import importlib

    from jobs.models import Credential

    seed = importlib.import_module("jobs.migrations.0002_seed_credentials")
    for data in seed.CREDENTIALS:
        Credential.objects.update_or_create(slug=data["slug"], defaults=data)
    return Credential.objects.all()


@pytest.fixture
def market(es, seeded_credentials):
    """Five open postings in the index: three warehouse jobs in Ohio checking after an
    offer, two peer-support jobs in England checking before one by law."""
    from datetime import timedelta

    from django.utils import timezone

    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index
    from tests.factories import PublishedPostingFactory

    ensure(postings_index)
    now = timezone.now()
    for days_ago in (1, 2, 9):
        PublishedPostingFactory(
            category="warehouse-logistics", published_at=now - timedelta(days=days_ago)
        )
    for days_ago in (3, 40):
        PublishedPostingFactory(
            category="peer-support",
            check_timing="before_offer_by_law",
            check_level="enhanced",
            published_at=now - timedelta(days=days_ago),
            located="Leeds, England",
            located__locality="Leeds",
            located__region="England",
            located__country="GB",
            located__latitude=53.7965,
            located__longitude=-1.5478,
        )
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


@pytest.fixture
def matching_indices(es, seeded_credentials):
    """The postings and candidates indices; call it to make every saved change searchable."""
    from candidates.search import candidates_index
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index

    ensure(postings_index)
    ensure(candidates_index)

    def refresh():
        drain_due()
        client = get_client()
        client.indices.refresh(index=postings_index.alias)
        client.indices.refresh(index=candidates_index.alias)

    return refresh
