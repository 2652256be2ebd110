"""The candidates index: discoverable profiles, for matching postings to people.

Only profiles whose owner switched on "let employers find me" are in it (the
queryset below, which the outbox drain and the drift check both use), so
switching it off removes the document at the next drain. Fair-chance
preferences are never in it: they live in their own encrypted table with no
relation from the profile, and nothing here reads them. A mapping test walks
every registered index to prove no preference field exists.

Text that is matched goes into ``*_norm`` fields as the output of the project's
one text function, the same way the postings index does it.

Matching queries live in ``candidates.matching``.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from elasticsearch.dsl import Mapping, field

from fairsite.accounts.personal_data import account_deleting
from fairsite.outbox.services import enqueue
from fairsite.search.registry import SearchIndex, register
from fairsite.search.text import TEXT_DIGEST, normalise
from jobs.search.places import place_keys

from .models import CandidateProfile, ExperienceEntry, HomeLocation

INDEX_NAME = "candidates"


def _mapping() -> dict:
    mapping = Mapping()
    text = {"analyzer": "standard"}
    for name in ("headline_norm", "summary_norm", "experience_norm", "skills_norm"):
        mapping.field(name, field.Text(**text))
    for name in (
        "public_id",
        "kind",
        "skills",
        "credentials",
        "desired_categories",
        "employment_types",
        "availability",
    ):
        mapping.field(name, field.Keyword())
    mapping.field("travel_radius", field.Integer())
    mapping.field("remote_ok", field.Boolean())
    mapping.field("home", field.GeoPoint())
    # The keys of remote jobs open to where they live (jobs.search.places).
    mapping.field("home_keys", field.Keyword())
    mapping.field("updated_at", field.Date())
    # The text function's fingerprint: when it changes, --status asks for a rebuild.
    return {**mapping.to_dict(), "dynamic": "strict", "_meta": {"text": TEXT_DIGEST}}


def candidate_document(profile: CandidateProfile) -> dict:
    """The document for one discoverable profile: what matching reads, nothing private."""
    home = getattr(profile, "home", None)
    titles = [entry.title for entry in profile.experience.all()]
    return {
        "public_id": str(profile.public_id),
        "kind": profile.kind,
        "headline_norm": normalise(profile.headline),
        "summary_norm": normalise(profile.summary),
        "experience_norm": normalise(" ".join(titles)),
        "skills": profile.skills,
        "skills_norm": normalise(" ".join(profile.skills)),
        "credentials": sorted(c.slug for c in profile.credentials.all()),
        "desired_categories": profile.desired_categories,
        "employment_types": profile.employment_types,
        "availability": profile.availability or None,
        "travel_radius": profile.travel_radius,
        "remote_ok": profile.remote_ok,
        "home": {"lat": home.latitude, "lon": home.longitude} if home else None,
        "home_keys": place_keys(home.country, home.region) if home else [],
        "updated_at": profile.updated_at,
    }


def indexed_profiles():
    """The profiles that belong in the index: the discoverable ones."""
    return (
        CandidateProfile.objects.discoverable()
        .select_related("home")
        .prefetch_related("credentials", "experience")
    )


candidates_index = register(
    SearchIndex(
        name=INDEX_NAME,
        mappings=_mapping(),
        queryset=indexed_profiles,
        to_document=candidate_document,
        index_settings={"max_result_window": 10_000},
    )
)


# Keeping the index true: every write that can change a profile's document, or
# whether it is discoverable, queues the profile in the outbox in its own
# transaction. The drain reads the current state, so a profile that is no longer
# discoverable (or no longer exists) is deleted from the index.


def _queue(ids) -> None:
    ids = [pk for pk in ids if pk is not None]
    if ids:
        with transaction.atomic():
            enqueue(INDEX_NAME, ids)


def _profile_changed(sender, instance, **kwargs):
    _queue([instance.pk])


def _part_changed(sender, instance, **kwargs):
    _queue([instance.profile_id])


def _credentials_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, CandidateProfile
    ):
        _queue([instance.pk])


def _account_deleting(sender, user, **kwargs):
    _queue(CandidateProfile.objects.filter(user=user).values_list("pk", flat=True))


def connect_signals() -> None:
    """Called once from CandidatesConfig.ready()."""
    uid = "candidates.search"
    post_save.connect(_profile_changed, sender=CandidateProfile, dispatch_uid=f"{uid}.profile")
    post_delete.connect(_profile_changed, sender=CandidateProfile, dispatch_uid=f"{uid}.del")
    for part in (HomeLocation, ExperienceEntry):
        post_save.connect(_part_changed, sender=part, dispatch_uid=f"{uid}.{part.__name__}")
        post_delete.connect(_part_changed, sender=part, dispatch_uid=f"{uid}.{part.__name__}-del")
    m2m_changed.connect(
        _credentials_changed,
        sender=CandidateProfile.credentials.through,
        dispatch_uid=f"{uid}.credentials",
    )
    account_deleting.connect(_account_deleting, dispatch_uid=f"{uid}.account")
