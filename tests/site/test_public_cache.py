"""Cached page parts for visitors who are not signed in: a change that reaches the
search index shows on the very next view; signed-in people never get them; and
nothing per person or per request is ever kept."""

import pickle

import pytest
from django.core.cache import caches
from django.db import transaction
from django.template import RequestContext, Template
from django.test import RequestFactory

from cms.demo import load_home_page
from employers.services import employer_unverify, employer_verify
from fairsite.outbox.services import enqueue, index_generation
from jobs.models import JobPosting
from jobs.services import posting_close, posting_update
from tests.factories import (
    EditorFactory,
    EmployerFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def cached_texts() -> list[str]:
    """Every fragment the cache holds now."""
    store = caches["fragments"]._cache  # the local-memory backend's own dict
    return [str(pickle.loads(value)) for value in store.values()]  # noqa: S301 (our own cache)


def heading(response) -> str:
    return parse(response).select_one("h1").get_text(strip=True)


def test_a_queued_change_moves_the_generation_and_a_rolled_back_one_does_not():
    posting = PublishedPostingFactory()
    before = index_generation("postings")
    with transaction.atomic():
        enqueue("postings", [posting.pk])
    assert index_generation("postings") == before + 1

    def queue_then_fail():
        with transaction.atomic():
            enqueue("postings", [posting.pk])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        queue_then_fail()
    assert index_generation("postings") == before + 1


def test_the_posting_page_is_served_from_the_cache_until_a_change_reaches_the_index(client):
    owner = OwnerFactory().user
    posting = PublishedPostingFactory(title="Forklift driver", created_by=owner)
    OwnerFactory(employer=posting.employer, user=owner)
    assert heading(client.get(posting.get_absolute_url())) == "Forklift driver"

    # A write that bypasses the index (and so the site's services) is not seen:
    # the page really comes from the cache...
    JobPosting.objects.filter(pk=posting.pk).update(title="Changed behind the site's back")
    assert heading(client.get(posting.get_absolute_url())) == "Forklift driver"

    # ...and an edit through the site shows on the next view.
    posting.refresh_from_db()
    posting_update(posting=posting, by=owner, fields={"title": "Forklift operator"})
    assert heading(client.get(posting.get_absolute_url())) == "Forklift operator"


def test_a_closed_posting_is_gone_on_the_next_view_of_its_page_and_the_home_page(client):
    load_home_page()
    owner = OwnerFactory().user
    posting = PublishedPostingFactory(title="Night cleaner", created_by=owner)
    OwnerFactory(employer=posting.employer, user=owner)
    assert "Night cleaner" in client.get("/").content.decode()
    assert client.get(posting.get_absolute_url()).status_code == 200

    posting_close(posting=posting, by=owner)

    # Not the cached page of the live posting: the "This job has closed" page.
    closed = client.get(posting.get_absolute_url())
    assert closed.status_code == 410
    assert "This job has closed" in closed.content.decode()
    assert "Apply now" not in closed.content.decode()
    assert "Night cleaner" not in client.get("/").content.decode()


def test_a_new_posting_shows_on_the_home_page_at_once(client):
    load_home_page()
    PublishedPostingFactory(title="Line cook")
    assert "Line cook" in client.get("/").content.decode()

    PublishedPostingFactory(title="Warehouse picker")

    assert "Warehouse picker" in client.get("/").content.decode()


def test_verifying_and_unverifying_the_employer_shows_on_the_next_view(client):
    editor = EditorFactory()
    employer = EmployerFactory()
    posting = PublishedPostingFactory(employer=employer)

    def badge() -> bool:
        page = parse(client.get(posting.get_absolute_url()))
        return page.select_one(".posting-employer .badge--verified") is not None

    assert not badge()
    employer_verify(employer=employer, by=editor)
    assert badge()
    employer_unverify(employer=employer, by=editor, reason="The policy changed.")
    assert not badge()


def test_a_signed_in_person_never_gets_the_cached_page_and_adds_nothing_to_it(client):
    posting = PublishedPostingFactory(title="Forklift driver")
    client.get(posting.get_absolute_url())  # cached for visitors
    kept = cached_texts()
    JobPosting.objects.filter(pk=posting.pk).update(title="Changed behind the site's back")

    person = UserFactory(email="sam.private@example.org")
    client.force_login(person)
    response = client.get(posting.get_absolute_url())

    # Rendered afresh for them, with their own controls...
    assert heading(response) == "Changed behind the site's back"
    assert parse(response).select_one("form.save-job") is not None
    # ...and nothing of theirs was kept.
    assert cached_texts() == kept


def test_no_cached_fragment_holds_a_token_a_nonce_or_a_link_back_to_the_visitor(client):
    load_home_page()
    posting = PublishedPostingFactory(title="Forklift driver")
    client.get("/")
    client.get(f"{posting.get_absolute_url()}?from=private-campaign")

    texts = cached_texts()
    assert texts, "the pages above keep fragments"
    for text in texts:
        assert "csrfmiddlewaretoken" not in text
        assert "nonce" not in text
        assert "private-campaign" not in text  # the visitor's own address stays out
        assert "Sign in to save" not in text


def test_a_fragment_that_uses_a_csrf_token_is_shown_but_never_kept():
    request = RequestFactory().get("/")
    request.user = type("Visitor", (), {"is_authenticated": False})()
    page = Template(
        "{% load public_cache %}"
        '{% public_fragment "form" %}<form>{% csrf_token %}</form>{% endpublic_fragment %}'
    )

    # A RequestContext hands out the token as every page does (Django's csrf processor).
    output = page.render(RequestContext(request, {"request": request}))

    assert 'name="csrfmiddlewaretoken"' in output
    assert cached_texts() == []
