"""A seeker shares a copy of one of their CVs with a case worker, and takes it back.

Who may download the copy is decided by candidates.selectors.can_read_cv: the
matrix below goes through it and through the download route.
"""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.selectors import can_read_cv
from candidates.services import cv_save
from fairsite.accounts.services import account_delete, account_export
from partners import cv_shares, services
from partners.models import Activity, ActivityKind, SharedCv
from tests.candidates import files
from tests.factories import ApplicationFactory, EditorFactory, MembershipFactory, UserFactory
from tests.partners.factories import CaseWorkerFactory, GrantFactory

pytestmark = pytest.mark.django_db

CV_TEXT = "Sam Seeker: forklift and packing"


@pytest.fixture
def grant():
    grant = GrantFactory()
    cv_save(user=grant.seeker, upload=files.upload("cv.pdf", files.minimal_pdf(CV_TEXT)))
    return grant


@pytest.fixture
def shared(grant):
    return cv_shares.cv_share(grant=grant, by=grant.seeker, choice=cv_shares.PROFILE_CV)


def _download(client, user, grant):
    client.force_login(user)
    return client.get(reverse("partners:shared-cv", args=[grant.public_id]))


def _profile(grant):
    return grant.seeker.candidate_profile


def test_the_case_worker_downloads_the_shared_copy_and_the_seeker_sees_it(client, shared):
    grant = shared.grant
    response = _download(client, grant.case_worker, grant)
    assert response.status_code == 200
    assert CV_TEXT.encode() in b"".join(response.streaming_content)
    assert response["Cache-Control"].startswith("no-store")
    assert response["Content-Disposition"] == 'attachment; filename="cv.pdf"'
    kinds = list(Activity.objects.filter(grant=grant).values_list("kind", flat=True))
    assert ActivityKind.SHARED_CV in kinds
    assert ActivityKind.DOWNLOADED_CV in kinds
    client.force_login(grant.seeker)
    page = client.get(reverse("partners:access")).content.decode()
    assert "You shared a copy of your CV with them" in page
    assert ActivityKind.SHARED_CV.label in page


def test_it_is_a_copy_the_profile_cv_stays_closed_to_the_case_worker(client, shared):
    grant = shared.grant
    profile = _profile(grant)
    assert shared.cv.name != profile.cv.name
    assert can_read_cv(grant.case_worker, profile, shared_copy=shared)
    assert not can_read_cv(grant.case_worker, profile)
    client.force_login(grant.case_worker)
    assert (
        client.get(reverse("candidates:cv-download", args=[profile.public_id])).status_code == 404
    )
    # A new CV on the profile later does not change the copy.
    cv_save(user=grant.seeker, upload=files.upload("cv.pdf", files.minimal_pdf("Another CV")))
    assert CV_TEXT.encode() in b"".join(
        _download(client, grant.case_worker, grant).streaming_content
    )


def test_who_may_download_the_copy(client, shared):
    grant = shared.grant
    profile = _profile(grant)
    other_organisation = CaseWorkerFactory().user
    employer = MembershipFactory().user
    colleague = MembershipFactory(employer=grant.organisation.employer).user
    for user, allowed in [
        (grant.seeker, True),
        (grant.case_worker, True),
        (other_organisation, False),
        (colleague, False),
        (employer, False),
        (UserFactory(), False),
    ]:
        assert can_read_cv(user, profile, shared_copy=shared) is allowed, user
        if user != grant.seeker:
            assert (_download(client, user, grant).status_code == 200) is allowed, user
    # Another person's profile with this copy opens nothing.
    stranger = GrantFactory().seeker.candidate_profile
    assert not can_read_cv(grant.seeker, stranger, shared_copy=shared)


def test_after_the_seeker_takes_it_back(
    client, shared, private_media, django_capture_on_commit_callbacks
):
    grant = shared.grant
    path = private_media / shared.cv.name
    assert path.exists()
    client.force_login(grant.seeker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partners:withdraw-cv", args=[grant.public_id]))
    assert response.status_code == 302
    assert not SharedCv.objects.exists()
    assert not path.exists()
    assert not can_read_cv(grant.case_worker, _profile(grant), shared_copy=shared)
    assert _download(client, grant.case_worker, grant).status_code == 404
    assert Activity.objects.filter(grant=grant, kind=ActivityKind.CV_WITHDRAWN).exists()


@pytest.mark.parametrize(
    "how", ["seeker ends", "case worker stops", "expires", "organisation unverified"]
)
def test_after_access_ends_or_expires(
    client, shared, private_media, django_capture_on_commit_callbacks, how
):
    grant = shared.grant
    path = private_media / shared.cv.name
    with django_capture_on_commit_callbacks(execute=True):
        if how == "seeker ends":
            services.grant_end(grant=grant, by=grant.seeker)
        elif how == "case worker stops":
            services.grant_end(grant=grant, by=grant.case_worker)
        elif how == "organisation unverified":
            services.reentry_unverify(organisation=grant.organisation, by=EditorFactory())
        else:
            grant.expires_at = timezone.now() - timedelta(minutes=1)
            grant.save()
            # Refused from the moment it expires, before the hourly run deletes the copy.
            assert not can_read_cv(grant.case_worker, _profile(grant), shared_copy=shared)
            services.grants_remind_and_close()
    assert _download(client, grant.case_worker, grant).status_code == 404
    assert not can_read_cv(grant.case_worker, _profile(grant), shared_copy=shared)
    assert not SharedCv.objects.exists()
    assert not path.exists()


def test_a_copy_sent_with_an_application_can_be_shared(client, grant):
    application = ApplicationFactory(candidate=grant.seeker)
    cv_shares.cv_share(grant=grant, by=grant.seeker, choice=cv_shares.PROFILE_CV)
    application.cv.save("cv.pdf", files.upload("cv.pdf", files.minimal_pdf("Sent CV")))
    client.force_login(grant.seeker)
    response = client.post(
        reverse("partners:share-cv", args=[grant.public_id]),
        {f"cv-{grant.pk}-cv": f"application-{application.pk}"},
    )
    assert response.status_code == 302
    assert SharedCv.objects.count() == 1  # the new copy replaced the first
    body = b"".join(_download(client, grant.case_worker, grant).streaming_content)
    assert b"Sent CV" in body


@pytest.mark.parametrize("value", ["", "application-999999", "../cvs/x.pdf", "profile2"])
def test_bad_input_on_the_share_form(client, grant, value):
    client.force_login(grant.seeker)
    response = client.post(
        reverse("partners:share-cv", args=[grant.public_id]), {f"cv-{grant.pk}-cv": value}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count(cv_shares.CHOOSE_A_CV) >= 2  # next to the field and in the summary
    assert "<details open" in page
    assert not SharedCv.objects.exists()


def test_another_persons_application_cv_is_not_a_choice(client, grant):
    someone_else = ApplicationFactory()
    someone_else.cv.save("cv.pdf", files.upload("cv.pdf", files.minimal_pdf("Not yours")))
    client.force_login(grant.seeker)
    response = client.post(
        reverse("partners:share-cv", args=[grant.public_id]),
        {f"cv-{grant.pk}-cv": f"application-{someone_else.pk}"},
    )
    assert response.status_code == 400
    assert not SharedCv.objects.exists()


def test_only_the_seeker_with_current_access_can_share(client, grant):
    url = reverse("partners:share-cv", args=[grant.public_id])
    client.force_login(grant.case_worker)
    assert client.post(url, {f"cv-{grant.pk}-cv": "profile"}).status_code == 404
    services.grant_end(grant=grant, by=grant.seeker)
    client.force_login(grant.seeker)
    assert client.post(url, {f"cv-{grant.pk}-cv": "profile"}).status_code == 404
    assert not SharedCv.objects.exists()


def test_without_a_cv_the_seeker_is_told_how_to_add_one(client):
    grant = GrantFactory()
    client.force_login(grant.seeker)
    page = client.get(reverse("partners:access")).content.decode()
    assert reverse("candidates:cv") in page


def test_the_case_worker_never_sees_the_private_preferences(client, shared):
    from candidates.preferences import FairChancePreferences
    from candidates.services import preferences_save

    grant = shared.grant
    preferences_save(
        user=grant.seeker, preferences=FairChancePreferences(only_checks_after_offer=True)
    )
    client.force_login(grant.case_worker)
    page = client.get(reverse("partners:person", args=[grant.public_id])).content.decode()
    assert reverse("partners:shared-cv", args=[grant.public_id]) in page
    assert "preference" not in page.lower()
    body = b"".join(_download(client, grant.case_worker, grant).streaming_content)
    assert b"only_checks_after_offer" not in body


def test_the_copy_is_in_the_seekers_export_only(shared):
    grant = shared.grant
    archive = zipfile.ZipFile(io.BytesIO(account_export(user=grant.seeker)))
    data = json.loads(archive.read("data.json"))
    [row] = data["data"]["partners.SharedCv"]
    assert CV_TEXT.encode() in archive.read(row["cv"])
    theirs = json.loads(
        zipfile.ZipFile(io.BytesIO(account_export(user=grant.case_worker))).read("data.json")
    )
    assert "partners.SharedCv" not in theirs["data"]


@pytest.mark.parametrize("who", ["seeker", "case_worker"])
def test_deleting_either_account_deletes_the_copy(
    django_capture_on_commit_callbacks, shared, private_media, who
):
    path = private_media / shared.cv.name
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=getattr(shared.grant, who))
    assert not SharedCv.objects.exists()
    assert not path.exists()
