"""Reads of postings for the public pages."""

from django.db.models import Q, QuerySet

from .models import Credential, JobPosting


def postings_from_database(
    *,
    text: str = "",
    place: str = "",
    category: str = "",
    employment_type: str = "",
    workplace: str = "",
    checks_after_offer: bool = False,
) -> QuerySet[JobPosting]:
    """Visible postings filtered in the database: every word of `text` must appear.

    This is the plain list, and the answer when the search engine is down; it
    has no radius and no relevance ranking, only newest first.
    """
    postings = JobPosting.objects.visible().select_related("employer")
    for word in text.split()[:20]:
        postings = postings.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(employer__name__icontains=word)
        )
    if place:
        postings = postings.filter(locations__label__icontains=place).distinct()
    if category:
        postings = postings.filter(category=category)
    if employment_type:
        postings = postings.filter(employment_type=employment_type)
    if workplace:
        postings = postings.filter(workplace=workplace)
    if checks_after_offer:
        postings = postings.filter(check_timing__in=["never", "after_offer"])
    return postings.prefetch_related("locations").order_by("-published_at", "-pk")


def visible_posting(pk: int) -> JobPosting | None:
    """One visible posting with everything its page and API answer show, or None."""
    return (
        JobPosting.objects.visible()
        .select_related("employer", "employer__policy")
        .prefetch_related(
            "locations",
            "required_credentials",
            "preferred_credentials",
            "employer__policy__exclusions",
        )
        .filter(pk=pk)
        .first()
    )


def visible_postings_of(employer, *, limit: int | None = None) -> list[JobPosting]:
    """An employer's visible postings, newest first."""
    postings = (
        JobPosting.objects.visible()
        .for_employer(employer)
        .select_related("employer")
        .prefetch_related("locations")
        .order_by("-published_at", "-pk")
    )
    return list(postings[:limit] if limit else postings)


def visible_postings_asking_for(credential, *, limit: int) -> list[JobPosting]:
    """Visible postings that require or prefer a credential, newest first."""
    postings = JobPosting.objects.visible().filter(
        Q(pk__in=credential.required_by.values("pk"))
        | Q(pk__in=credential.preferred_by.values("pk"))
    )
    return list(
        postings.select_related("employer")
        .prefetch_related("locations")
        .order_by("-published_at", "-pk")[:limit]
    )


def visible_postings_in_category(category: str, *, limit: int) -> list[JobPosting]:
    """Visible postings in one category, newest first."""
    postings = JobPosting.objects.visible().filter(category=category)
    return list(
        postings.select_related("employer")
        .prefetch_related("locations")
        .order_by("-published_at", "-pk")[:limit]
    )


def credentials_with_open_roles(*, slug: str | None = None) -> list[Credential]:
    """Every credential (or the one with `slug`), by name, each with `open_roles`:
    how many visible postings require or prefer it."""
    credentials = Credential.objects.order_by("name", "pk")
    credentials = list(credentials.filter(slug=slug) if slug is not None else credentials)
    for credential in credentials:
        credential.open_roles = (
            JobPosting.objects.visible()
            .filter(
                Q(pk__in=credential.required_by.values("pk"))
                | Q(pk__in=credential.preferred_by.values("pk"))
            )
            .count()
        )
    return credentials
