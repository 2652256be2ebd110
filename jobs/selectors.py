"""Reads of postings for the public pages."""

from django.db.models import Q, QuerySet

from .models import JobPosting


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
