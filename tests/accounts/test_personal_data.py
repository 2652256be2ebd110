"""Every user-linked model is in the personal-data register; export holds all of it,
and deleting an account removes all of it, files included."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from wagtail.users.models import UserProfile

from candidates.models import (
    CandidateProfile,
    EducationEntry,
    ExperienceEntry,
    HomeLocation,
    PrivatePreferences,
    SavedJob,
)
from candidates.preferences import FairChancePreferences
from candidates.services import cv_save, preferences_save
from employers.models import Invitation, MemberRole, Membership
from fairsite.accounts import personal_data
from fairsite.accounts.models import User
from fairsite.accounts.personal_data import (
    NotPersonal,
    Personal,
    account_deleting,
    personal_models,
    register_not_personal,
    register_personal,
    registered,
    user_linked_models,
)
from fairsite.accounts.services import AccountDeletionBlocked, account_delete, account_export
from fairsite.mail.delivery import queue_message
from fairsite.mail.models import OutgoingEmail
from jobs.applications.models import Application, ApplicationEvent
from tests.candidates import files
from tests.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    EducationEntryFactory,
    ExperienceEntryFactory,
    MembershipFactory,
    OwnerFactory,
    SavedJobFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_every_model_linked_to_a_user_is_registered_as_personal_or_not_with_a_reason():
    walk = user_linked_models()

    assert walk.unregistered == [], (
        "These models link to a user but are not in the personal-data register: "
        f"{[m._meta.label for m in walk.unregistered]}. Register them in their app's "
        "personal_data.py with register_personal() or register_not_personal(reason=...)."
    )
    for model in walk.linked:
        entry = registered(model)
        if isinstance(entry, NotPersonal):
            assert len(entry.reason) > 20, model
    assert isinstance(registered(User), Personal)


def test_the_walk_finds_direct_links_and_links_through_the_profile():
    linked = user_linked_models().linked
    labels = {model._meta.label: how for model, how in linked.items()}

    # Directly to the user...
    for label in (
        "candidates.CandidateProfile",
        "candidates.PrivatePreferences",
        "employers.Membership",
        "account.EmailAddress",
        "mfa.Authenticator",
        "wagtailusers.UserProfile",
        "jobs.JobPosting",
    ):
        assert labels[label].endswith("accounts.User"), label
    # ...and through personal data, such as the profile.
    assert labels["candidates.ExperienceEntry"] == "profile → candidates.CandidateProfile"
    assert labels["candidates.EducationEntry"] == "profile → candidates.CandidateProfile"
    assert labels["candidates.HomeLocation"] == "profile → candidates.CandidateProfile"
    assert labels["account.EmailConfirmation"] == "email_address → account.EmailAddress"
    # Not through what is not personal: a posting's places are the employer's.
    assert "jobs.PostingLocation" not in labels


@isolate_apps("candidates")
def test_a_new_model_linked_to_a_user_or_the_profile_is_caught_until_registered(monkeypatch):
    class SavedSearch(models.Model):
        owner = models.ForeignKey(User, on_delete=models.CASCADE)

        class Meta:
            app_label = "candidates"

        def __str__(self) -> str:
            return "a saved search"

    class ProfileNote(models.Model):
        profile = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE)

        class Meta:
            app_label = "candidates"

        def __str__(self) -> str:
            return "a note"

    isolated = SavedSearch._meta.apps

    assert set(user_linked_models(isolated).unregistered) == {SavedSearch, ProfileNote}

    monkeypatch.setattr(personal_data, "_registry", dict(personal_data._registry))
    register_personal(SavedSearch, owner="owner")
    register_not_personal(ProfileNote, reason="a test model that stands for a forgotten one")

    assert user_linked_models(isolated).unregistered == []


def test_every_personal_model_can_be_exported_by_its_owner_lookup():
    user = UserFactory()
    for entry in personal_models():
        # Each owner lookup is a real path to the user (a typo would raise here).
        list(entry.queryset(user))


@pytest.fixture
def everything(django_capture_on_commit_callbacks):
    """A person with a row in every personal model the project has today."""
    profile = CandidateProfileFactory(user__email="sam@example.org")
    user = profile.user
    ExperienceEntryFactory(profile=profile)
    EducationEntryFactory(profile=profile)
    cv_save(user=user, upload=files.upload("cv.pdf", files.minimal_pdf()))
    preferences_save(
        user=user,
        preferences=FairChancePreferences(highest_check_level="basic", avoid_duties=("cash",)),
    )
    address = EmailAddress.objects.get(user=user)
    EmailConfirmation.objects.create(email_address=address, key="secret-confirmation-key")
    Authenticator.objects.create(user=user, type="totp", data={"secret": "TOTPSECRET"})
    UserProfile.get_for_user(user)
    MembershipFactory(user=user, role=MemberRole.RECRUITER)
    Invitation.objects.create(employer=OwnerFactory().employer, email="sam@example.org")
    application = ApplicationFactory(candidate=user, cover_note="Sam's own note")
    ApplicationEvent.objects.create(application=application, to_stage="submitted", actor=user)
    SavedJobFactory(user=user)
    with django_capture_on_commit_callbacks(execute=False):
        queue_message(
            kind="test/note", to=["sam@example.org"], subject="Welcome", body_text="Hello Sam"
        )
        queue_message(
            kind="test/note",
            to=["sam@example.org", "team@example.org"],
            subject="Team",
            body_text="Hi",
        )
    return user


MODELS_OF_EVERYTHING = [
    User,
    CandidateProfile,
    HomeLocation,
    ExperienceEntry,
    EducationEntry,
    PrivatePreferences,
    EmailAddress,
    EmailConfirmation,
    Authenticator,
    UserProfile,
    Membership,
    Invitation,
    OutgoingEmail,
    Application,
    ApplicationEvent,
    SavedJob,
]


def read_export(content: bytes) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read("data.json")), archive


def test_the_export_holds_every_registered_record_and_the_cv(everything):
    document, archive = read_export(account_export(user=everything))
    data = document["data"]

    for model in MODELS_OF_EVERYTHING:
        assert data.get(model._meta.label), f"{model._meta.label} is missing from the export"
    profile = data["candidates.CandidateProfile"][0]
    assert profile["skills"] == ["forklift", "stock control"]
    assert data["candidates.HomeLocation"][0]["label"] == "Columbus, OH"
    assert data["candidates.ExperienceEntry"][0]["employer"] == "Parcel & Pallet Ltd"
    # Preferences decrypted, for their owner alone.
    preferences = data["candidates.PrivatePreferences"][0]["preferences"]
    assert preferences["highest_check_level"] == "basic"
    assert preferences["avoid_duties"] == ["cash"]
    assert "ciphertext" not in data["candidates.PrivatePreferences"][0]
    # The CV file itself, as uploaded.
    assert profile["cv"] in document["files"]
    assert archive.read(profile["cv"]) == files.minimal_pdf()
    assert {row["subject"] for row in data["mail.OutgoingEmail"]} == {"Welcome", "Team"}
    assert data["employers.Membership"][0]["role"] == "recruiter"
    sent = data["jobs.Application"][0]
    assert sent["cover_note"] == "Sam's own note"
    assert archive.read(sent["cv"]).startswith(b"%PDF-")


def test_the_export_never_holds_secrets(everything):
    content = account_export(user=everything)
    document, _ = read_export(content)
    text = json.dumps(document)

    assert "password" not in document["data"]["accounts.User"][0]
    assert everything.password not in text
    assert "secret-confirmation-key" not in text
    assert "TOTPSECRET" not in text


def test_the_export_holds_nobody_else(everything):
    other = CandidateProfileFactory(headline="Someone else entirely")

    text = json.dumps(read_export(account_export(user=everything))[0])

    assert "Someone else entirely" not in text
    assert other.user.email not in text


def test_delete_removes_every_personal_row_and_the_cv_file_and_tells_the_index(
    everything, django_capture_on_commit_callbacks
):
    other = CandidateProfileFactory()
    cv_path = CandidateProfile.objects.get(user=everything).cv.path
    sent_cv_path = Application.objects.get(candidate=everything).cv.path
    told = []

    def receiver(sender, user, **kwargs):
        told.append(user.pk)

    account_deleting.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            account_delete(user=everything)
    finally:
        account_deleting.disconnect(receiver)

    assert told == [everything.pk]
    for model in MODELS_OF_EVERYTHING:
        entry = registered(model)
        if model is User:
            assert not User.objects.filter(pk=everything.pk).exists()
        elif entry.rows is None:
            assert not entry.queryset(everything).exists(), model
    assert not Invitation.objects.filter(email="sam@example.org").exists()
    # A message to a team stays for the others on it; one to Sam alone goes.
    assert list(OutgoingEmail.objects.values_list("subject", flat=True)) == ["Team"]
    assert not PrivatePreferences.objects.exists()
    assert not Path(cv_path).exists()
    assert not Path(sent_cv_path).exists()
    assert CandidateProfile.objects.filter(pk=other.pk).exists()


def test_the_only_owner_of_an_organisation_is_told_what_to_do_first(client):
    membership = OwnerFactory()
    user = membership.user

    with pytest.raises(AccountDeletionBlocked) as blocked:
        account_delete(user=user)

    assert "only owner" in blocked.value.blockers[0].message
    assert blocked.value.blockers[0].url == f"/hire/{membership.employer.slug}/team/"
    assert User.objects.filter(pk=user.pk).exists()

    OwnerFactory(employer=membership.employer)
    account_delete(user=user)
    assert not User.objects.filter(pk=user.pk).exists()


def test_deleting_an_employer_member_keeps_the_organisations_postings(
    django_capture_on_commit_callbacks,
):
    from tests.factories import PublishedPostingFactory

    membership = MembershipFactory()
    posting = PublishedPostingFactory(employer=membership.employer, created_by=membership.user)

    account_delete(user=membership.user)

    posting.refresh_from_db()
    assert posting.created_by is None


def test_the_registry_covers_every_installed_app():
    # The walk above only means something if it sees the whole project.
    labels = {config.label for config in apps.get_app_configs()}

    assert {"candidates", "employers", "jobs", "accounts", "mail", "wagtailcore"} <= labels


def test_education_dates_survive_the_export(everything):
    data = read_export(account_export(user=everything))[0]["data"]

    assert data["candidates.EducationEntry"][0]["ended_on"] == date(2020, 1, 1).isoformat()
