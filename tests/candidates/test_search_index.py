"""The candidates index: discoverable profiles only, nothing private, kept true by the outbox."""

from dataclasses import fields

import pytest

from candidates.preferences import FairChancePreferences
from candidates.search import candidate_document, candidates_index
from candidates.services import history_save, preferences_save, profile_save
from fairsite.accounts.services import account_delete
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.drift import check
from fairsite.search.indices import ensure
from fairsite.search.registry import registered_indices
from tests.factories import (
    CandidateProfileFactory,
    DiscoverableCandidateFactory,
    ExperienceEntryFactory,
    credential,
)

pytestmark = pytest.mark.django_db

# Every name a preference has, and every value one can take, as stored.
PREFERENCE_WORDS = {f.name for f in fields(FairChancePreferences)} | {
    "preferences",
    "ciphertext",
    "only_checks_after_offer",
    "avoid_duties",
    "needs_support",
    "highest_check_level",
}


@pytest.fixture
def index(es):
    ensure(candidates_index)

    def documents() -> dict[str, dict]:
        drain_due()
        client = get_client()
        client.indices.refresh(index=candidates_index.alias)
        found = client.search(index=candidates_index.alias, size=100, query={"match_all": {}})
        return {hit["_id"]: hit["_source"] for hit in found["hits"]["hits"]}

    return documents


def _field_names(properties: dict, prefix: str = "") -> set[str]:
    names = set()
    for name, definition in properties.items():
        names.add(f"{prefix}{name}")
        names |= _field_names(definition.get("properties", {}), f"{prefix}{name}.")
        names |= _field_names(definition.get("fields", {}), f"{prefix}{name}.")
    return names


def test_no_index_mapping_has_a_preference_field(es):
    """Walk every registered index, as declared and as the server holds it."""
    assert {index.name for index in registered_indices()} >= {"postings", "candidates"}
    client = get_client()
    for index in registered_indices():
        ensure(index)
        declared = _field_names(index.mappings["properties"])
        live = client.indices.get_mapping(index=index.alias)
        [held] = live.body.values()
        on_server = _field_names(held["mappings"]["properties"])
        for name in declared | on_server:
            leaf = name.rsplit(".", 1)[-1]
            assert leaf not in PREFERENCE_WORDS, (index.name, name)
            assert "preference" not in name, (index.name, name)
        assert held["mappings"]["dynamic"] == "strict", index.name


def test_the_document_holds_what_matching_reads_and_nothing_private(seeded_credentials):
    profile = DiscoverableCandidateFactory(skills=["Forklifts"], remote_ok=True)
    profile.credentials.set([credential("cpors")])
    ExperienceEntryFactory(profile=profile, title="Picker packers")
    preferences_save(
        user=profile.user, preferences=FairChancePreferences(only_checks_after_offer=True)
    )

    document = candidate_document(profile)

    assert document["credentials"] == ["cpors"]
    assert document["skills_norm"] == "forklift"
    assert document["experience_norm"] == "picker packer zsynwarehouseoperative"
    assert document["home"] == {"lat": 39.9612, "lon": -82.9988}
    assert document["travel_radius"] == 10
    assert set(document) == set(candidates_index.mappings["properties"])
    flat = repr(document)
    for private in ("after_offer", "@", profile.user.email, "cv", "salary"):
        assert private not in flat


def test_only_discoverable_profiles_are_indexed_and_switching_off_removes_one(index):
    hidden = CandidateProfileFactory()
    shown = DiscoverableCandidateFactory()

    assert set(index()) == {str(shown.pk)}

    shown.is_discoverable = False
    shown.save()
    hidden.is_discoverable = True
    hidden.save()

    assert set(index()) == {str(hidden.pk)}
    assert check(candidates_index).is_clean


def test_profile_credential_and_history_changes_reach_the_index(index, seeded_credentials):
    profile = DiscoverableCandidateFactory()
    index()

    profile_save(
        user=profile.user,
        fields={"headline": "Peer mentor", "is_discoverable": True},
        home=None,
        credentials=[credential("cpscp")],
    )
    history_save(
        user=profile.user,
        experience=[
            {
                "employer": "Hope House",
                "title": "Peer mentor",
                "is_current": True,
                "started_on": profile.created_at.date().replace(day=1),
            }
        ],
        education=[],
    )
    document = index()[str(profile.pk)]

    assert document["headline_norm"] == "peer mentor zsynpeersupport"
    assert document["credentials"] == ["cpscp"]
    assert document["experience_norm"] == "peer mentor zsynpeersupport"
    assert document["home"] is None
    assert check(candidates_index).is_clean


def test_deleting_the_account_removes_the_document(index):
    staying = DiscoverableCandidateFactory()
    leaving = DiscoverableCandidateFactory()
    assert set(index()) == {str(staying.pk), str(leaving.pk)}

    account_delete(user=leaving.user)

    assert set(index()) == {str(staying.pk)}
    assert check(candidates_index).is_clean
