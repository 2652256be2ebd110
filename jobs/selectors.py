"""Reads of postings for the public pages, and of applications for the people in them.

A page and the feed that mirrors it (an employer's, a credential's, a career
path's) read through the same selector here, so they list the same postings.
"""

from typing import Any

import orjson
from django.db.models import (
    Case,
    Count,
    Exists,
    JSONField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
)
from django.db.models.base import ModelState
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_init, pre_init
from django.shortcuts import get_object_or_404

from employers.models import CHECKS_AFTER_OFFER, Employer
from employers.selectors import member_employer
from fairsite.outbox.services import index_generation
from fairsite.process_memory import ProcessMemory

from .models import Application, Credential, JobPosting, PostingLocation
from .search.index import INDEX_NAME

# The postings behind search hits, kept between requests in each web process:
# at most this many, each for at most a minute. Each is kept as the values of
# its row, its employer's and its places' (about 4 kB a posting measured on
# the benchmark's, with tracemalloc), not as model instances (about 9 kB: the
# instances' attribute dictionaries and the prefetched places' queryset weigh
# more than the values they hold).
_HIT_ROWS = ProcessMemory(size=5000, seconds=60)


class _Values:
    """One model's column values as a tuple, and back to a new instance.

    JSON values are kept serialised and files by name, so that every instance
    made from the same values has objects of its own and nothing one request
    changes reaches another.
    """

    def __init__(self, model: type[Model]) -> None:
        self.model = model
        self.names = tuple(f.attname for f in model._meta.concrete_fields)
        self.json = frozenset(
            i for i, f in enumerate(model._meta.concrete_fields) if isinstance(f, JSONField)
        )
        # Whether the model loads as Django's own Model does: no __init__ or
        # from_db of its own, which making it without them would skip.
        self.plain = (
            model.__init__ is Model.__init__ and model.from_db.__func__ is Model.from_db.__func__
        )

    def of(self, instance: Model) -> tuple:
        return tuple(self._to_keep(i, instance.__dict__[name]) for i, name in enumerate(self.names))

    def _to_keep(self, i: int, value: Any) -> Any:
        if i in self.json:
            # Copied: the bytes orjson returns keep its whole working buffer (kilobytes).
            return bytes(memoryview(orjson.dumps(value)))
        if isinstance(value, FieldFile):  # once read, a file field holds the file: keep its name
            return value.name
        return value

    def instance(self, db: str, values: tuple) -> Model:
        if self.json:
            values = tuple(
                orjson.loads(value) if i in self.json else value for i, value in enumerate(values)
            )
        if (
            not self.plain
            or pre_init.has_listeners(self.model)
            or post_init.has_listeners(self.model)
        ):
            return self.model.from_db(db, self.names, values)
        # Made as Django unpickles an instance (and as copy.copy of one does):
        # its values set, no __init__. About 12 microseconds a hit less than
        # from_db, whose __init__ sets each field in turn and sends pre_init
        # and post_init (which, checked above, nothing listens to).
        made = self.model.__new__(self.model)
        made.__dict__.update(zip(self.names, values, strict=True))
        made._state = ModelState()
        made._state.db = db
        made._state.adding = False
        return made


_POSTING = _Values(JobPosting)
_EMPLOYER = _Values(Employer)
_PLACE = _Values(PostingLocation)
_POSTING_EMPLOYER = JobPosting._meta.get_field("employer")
_PLACE_POSTING = PostingLocation._meta.get_field("posting")


def _kept(posting: JobPosting) -> tuple:
    """What is kept of a posting read with its employer and places: values only."""
    return (
        _POSTING.of(posting),
        _EMPLOYER.of(posting.employer),
        tuple(_PLACE.of(place) for place in posting.locations.all()),
        posting.__dict__["_address"],
    )


def _posting_from(kept: tuple, db: str) -> JobPosting:
    """A posting as ``_kept`` had it read: new instances of it, its employer
    and its places (prefetched, as the read had them)."""
    posting_values, employer_values, places_values, address = kept
    posting = _POSTING.instance(db, posting_values)
    _POSTING_EMPLOYER.set_cached_value(posting, _EMPLOYER.instance(db, employer_values))
    places = [_PLACE.instance(db, values) for values in places_values]
    for place in places:
        _PLACE_POSTING.set_cached_value(place, posting)
    prefetched = posting.locations.get_queryset()
    prefetched._result_cache = places
    prefetched._prefetch_done = True
    posting._prefetched_objects_cache = {"locations": prefetched}
    posting._address = address
    return posting


def visible_postings_by_id(ids: list[int]) -> dict[int, JobPosting]:
    """The postings among ``ids`` that are visible now, by id, with employer and places.

    For pages built from a search engine's hits: the database has the last word,
    so a posting that closed a moment ago, before the index caught up, is never
    shown. Which of them are visible is asked of the database on every call. The
    rows themselves, with their employer and places, are kept for a minute in
    the web process's memory under the postings index's generation (the number
    every change that reaches the index bumps when it commits), so a posting
    edited, or its employer verified or renamed, is read afresh on the next
    call, in every process. Reading them was a third of a search page's CPU
    time at 100,000 postings. Each call gets instances of its own.
    """
    if not ids:
        return {}
    # The generation first: a row read after it is never older than its key.
    generation = index_generation(INDEX_NAME)
    visible_postings = JobPosting.objects.visible()
    visible = set(visible_postings.filter(pk__in=ids).values_list("pk", flat=True))
    if not visible:
        return {}
    db = visible_postings.db
    keys = {pk: (generation, pk) for pk in visible}
    kept = _HIT_ROWS.get_many(keys.values())
    postings = {pk: _posting_from(kept[key], db) for pk, key in keys.items() if key in kept}
    missing = visible - postings.keys()
    if missing:
        read = {
            posting.pk: posting
            for posting in visible_postings.filter(pk__in=missing)
            .select_related("employer")
            .prefetch_related("locations")
            .order_by()  # the hits' order is the caller's; sorting here costs time for nothing
        }
        for posting in read.values():
            posting.get_absolute_url()  # kept with the row, for every later instance of it
        _HIT_ROWS.set_many({keys[pk]: _kept(posting) for pk, posting in read.items()})
        postings.update(read)
    return postings


def postings_from_database(
    *,
    text: str = "",
    place: str = "",
    category: str = "",
    employment_type: str = "",
    workplace: str = "",
    check_level: str = "",
    credential: str = "",
    checks_after_offer: bool = False,
    verified_employers: bool = False,
    published_after=None,
) -> QuerySet[JobPosting]:
    """Visible postings filtered in the database: every word of `text` must appear.

    This is the plain list, and the answer when the search engine is down; it
    has no radius, no pay bands and no relevance ranking, only newest first.
    `credential` is a credential's slug, required or preferred.
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
    if check_level:
        postings = postings.filter(check_level=check_level)
    if credential:
        postings = postings.filter(
            Q(required_credentials__slug=credential) | Q(preferred_credentials__slug=credential)
        ).distinct()
    if checks_after_offer:
        postings = postings.filter(check_timing__in=CHECKS_AFTER_OFFER)
    if verified_employers:
        postings = postings.filter(employer__in=Employer.objects.verified())
    if published_after is not None:
        postings = postings.filter(published_at__gte=published_after)
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


def as_cards(postings: QuerySet[JobPosting]) -> QuerySet[JobPosting]:
    """Postings as a list shows them: with employer and places, newest first."""
    return (
        postings.select_related("employer")
        .prefetch_related("locations")
        .order_by("-published_at", "-pk")
    )


def visible_postings_after(pk: int, *, limit: int, now=None) -> list[JobPosting]:
    """The next `limit` postings visible at `now` after id `pk`, in id order, with
    employer and places: a whole-site list read in pages of bounded size (the
    job feed for aggregators), which stays in step while postings come and go,
    as an offset would not. The employers come in a second query: joined, the
    database would sort every visible posting after `pk` to find the first few.

    Only the columns the feed writes are read (``FEED_FIELDS``): the others
    (skills and duties in JSON, the review fields) cost time to read and
    convert for each of up to every posting on the site. Reading any other
    field of these postings costs one query per posting."""
    return list(
        JobPosting.objects.visible(now=now)
        .filter(pk__gt=pk)
        .only(*FEED_FIELDS)
        .prefetch_related(
            Prefetch("employer", queryset=Employer.objects.only("name", "verification_status")),
            Prefetch("locations", queryset=PostingLocation.objects.only(*FEED_PLACE_FIELDS)),
        )
        .order_by("pk")[:limit]
    )


# What the job feed writes of each posting and of its places.
FEED_FIELDS = (
    "employer",
    "title",
    "slug",
    "description",
    "employment_type",
    "workplace",
    "open_to_country",
    "open_to_region",
    "salary_min",
    "salary_max",
    "salary_period",
    "salary_currency",
    "check_timing",
    "check_level",
    "status",
    "published_at",
    "expires_at",
)
FEED_PLACE_FIELDS = ("posting", "locality", "region", "postal_code", "country")


def visible_postings_of(employer) -> QuerySet[JobPosting]:
    """An employer's visible postings, as cards: its page, feed and widget."""
    return as_cards(JobPosting.objects.visible().for_employer(employer))


def visible_postings_asking_for(credential: Credential) -> QuerySet[JobPosting]:
    """Visible postings that require or prefer a credential (unordered: to count)."""
    return JobPosting.objects.visible().filter(
        Q(pk__in=credential.required_by.values("pk"))
        | Q(pk__in=credential.preferred_by.values("pk"))
    )


def credential_cards(credential: Credential) -> QuerySet[JobPosting]:
    """visible_postings_asking_for as cards, each with `requires_it` (or only
    prefers it): the credential's page and feed."""
    required = JobPosting.required_credentials.through.objects.filter(
        jobposting=OuterRef("pk"), credential=credential
    )
    return as_cards(visible_postings_asking_for(credential).annotate(requires_it=Exists(required)))


def visible_postings_in_category(category: str) -> QuerySet[JobPosting]:
    """Visible postings in one category (jobs.models.Category), as cards: the
    career path's page and feed."""
    return as_cards(JobPosting.objects.visible().filter(category=category))


def similar_open_postings(posting: JobPosting, *, limit: int = 5) -> list[JobPosting]:
    """Open postings like one that has closed: the same kind of work, in the same
    country when it had a place, newest first."""
    postings = JobPosting.objects.visible().filter(category=posting.category).exclude(pk=posting.pk)
    location = posting.locations.first()
    if location is not None and location.country:
        in_country = postings.filter(locations__country=location.country).distinct()
        if in_country.exists():
            postings = in_country
    return list(as_cards(postings)[:limit])


def credentials_with_open_roles(*, slug: str | None = None) -> list[Credential]:
    """Every credential (or the one with `slug`), by name, each with `open_roles`:
    how many visible postings require or prefer it."""
    credentials = Credential.objects.order_by("name", "pk")
    credentials = list(credentials.filter(slug=slug) if slug is not None else credentials)
    for credential in credentials:
        credential.open_roles = visible_postings_asking_for(credential).count()
    return credentials


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
        Application.objects.standing()
        .filter(posting__in=postings)
        .values_list("posting")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def with_application_counts(postings) -> list[JobPosting]:
    """The postings, each with `application_count` (see application_counts)."""
    postings = list(postings)
    counts = application_counts(postings)
    for posting in postings:
        posting.application_count = counts.get(posting.pk, 0)
    return postings
