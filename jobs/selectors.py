"""Reads of postings for the public pages, and of applications for the people in them."""

from django.db.models import Case, Count, Q, QuerySet, When
from django.shortcuts import get_object_or_404

from employers.models import Employer
from employers.selectors import member_employer

from .models import Application, JobPosting


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


def applications_of(user) -> QuerySet[Application]:
    """The person's own applications, newest first."""
    return Application.objects.filter(candidate=user).select_related("posting__employer")


def own_application(user, pk: int) -> Application:
    """The person's own application, or 404 (others' stay invisible)."""
    return get_object_or_404(applications_of(user), pk=pk)


def applications_for_posting(posting: JobPosting) -> QuerySet[Application]:
    """A posting's applications for its employer, withdrawn ones last."""
    return (
        Application.objects.filter(posting=posting)
        .select_related("candidate")
        .order_by(Case(When(stage="withdrawn", then=1), default=0), "-created_at", "-id")
    )


def employer_application(user, slug: str, pk: int) -> tuple[Employer, Application]:
    """An application to one of the employer's postings: 404 for non-members and for
    applications to other employers' postings."""
    employer, _membership = member_employer(user, slug)
    application = get_object_or_404(
        Application.objects.select_related("posting__employer", "candidate"),
        pk=pk,
        posting__employer=employer,
    )
    return employer, application


def application_counts(postings) -> dict[int, int]:
    """How many applications each posting has (withdrawn ones left out)."""
    rows = (
        Application.objects.filter(posting__in=postings)
        .exclude(stage="withdrawn")
        .values_list("posting")
        .annotate(n=Count("id"))
    )
    return dict(rows)
