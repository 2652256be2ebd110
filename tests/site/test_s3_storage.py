"""Uploads on a real S3-compatible store (the `s3_storage` fixture): private files
in a bucket nobody can read from outside and served only through the site's own
permission check; logos, CMS images, their renditions and documents in the
public media bucket."""

import io
import json
import urllib.error
import urllib.request
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model

from candidates.models import CandidateProfile
from candidates.services import cv_save
from cms.demo import load_home_page
from employers.models import Employer
from fairsite.accounts.services import account_delete
from fairsite.private_storage import private_storage
from jobs.applications.models import Application
from tests.accounts.test_data_pages import reauthenticate
from tests.candidates import files
from tests.cms.factories import GuideIndexPageFactory, GuidePageFactory, ImageFactory
from tests.factories import (
    CandidateProfileFactory,
    EmployerUserFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def anonymous_get(url: str) -> tuple[int, bytes]:
    """GET straight from the store, with no credentials, as any browser could."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def object_bytes(s3, bucket: str, name: str) -> bytes:
    return s3.client.get_object(Bucket=bucket, Key=name)["Body"].read()


def object_names(s3, bucket: str) -> set[str]:
    listing = s3.client.list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def png(colour: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def seeker(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    return profile.user


def test_a_cv_goes_to_the_private_bucket_and_downloads_only_for_its_owner(
    client, seeker, s3_storage, private_media
):
    content = files.minimal_pdf()

    response = client.post("/profile/cv/", {"cv": files.upload("My CV.pdf", content)})

    assert response.status_code == 302
    profile = CandidateProfile.objects.get(user=seeker)
    assert object_bytes(s3_storage, s3_storage.private_bucket, profile.cv.name) == content
    assert object_names(s3_storage, s3_storage.media_bucket) == set()
    assert not private_media.exists()
    download_url = f"/candidates/{profile.public_id}/cv/"

    own = client.get(download_url)

    assert own.status_code == 200
    assert b"".join(own.streaming_content) == content
    assert own["Content-Disposition"] == 'attachment; filename="cv.pdf"'
    assert own["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in own["Cache-Control"]

    client.force_login(UserFactory())
    assert client.get(download_url).status_code == 404
    client.logout()
    assert client.get(download_url).status_code == 302


def test_a_private_object_cannot_be_read_from_the_store_and_has_no_url(client, seeker, s3_storage):
    cv_save(user=seeker, upload=files.upload("cv.pdf", files.minimal_pdf()))
    profile = CandidateProfile.objects.get(user=seeker)
    name = profile.cv.name

    status, body = anonymous_get(f"{s3_storage.url}/{s3_storage.private_bucket}/{name}")

    assert status == 403
    assert b"%PDF" not in body
    with pytest.raises(ValueError, match="no URL"):
        profile.cv.url  # noqa: B018
    with pytest.raises(ValueError, match="no URL"):
        private_storage().url(name)


def test_an_application_copy_is_on_s3_and_only_the_employer_downloads_it(
    client, seeker, s3_storage
):
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer)
    cv_save(user=seeker, upload=files.upload("cv.pdf", files.minimal_pdf("For the employer")))

    applied = client.post(
        f"/jobs/{posting.pk}/{posting.slug}/apply/",
        {"cover_note": "I would like this job.", "cv_source": "profile"},
    )

    assert applied.status_code == 302
    application = Application.objects.get()
    copy = object_bytes(s3_storage, s3_storage.private_bucket, application.cv.name)
    assert copy == files.minimal_pdf("For the employer")
    url = f"/hire/{owner.employer.slug}/applicants/{application.pk}/cv/"
    client.force_login(owner.user)
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == copy
    client.force_login(OwnerFactory().user)
    assert client.get(url).status_code == 404
    status, _ = anonymous_get(f"{s3_storage.url}/{s3_storage.private_bucket}/{application.cv.name}")
    assert status == 403


def test_a_logo_is_uploaded_to_the_media_bucket_and_shown_from_there(client, s3_storage):
    client.force_login(EmployerUserFactory())
    logo = png()

    response = client.post(
        "/hire/new/",
        {
            "name": "Bright Futures Bakery",
            "industry": "hospitality",
            "size": "10-49",
            "logo": SimpleUploadedFile("logo.png", logo, content_type="image/png"),
        },
    )

    assert response.status_code == 302
    employer = Employer.objects.get()
    assert object_names(s3_storage, s3_storage.media_bucket) == {employer.logo.name}
    page = parse(client.get(employer.get_absolute_url()))
    src = page.select_one("img.employer-logo")["src"]
    assert src == f"{s3_storage.url}/{s3_storage.media_bucket}/{employer.logo.name}"
    assert anonymous_get(src) == (200, logo)


def test_two_uploads_with_the_same_name_stay_two_files(s3_storage):
    first = default_storage.save("employers/logos/logo.png", ContentFile(png("teal")))
    second = default_storage.save("employers/logos/logo.png", ContentFile(png("navy")))

    assert first != second
    assert default_storage.open(first).read() == png("teal")
    assert default_storage.open(second).read() == png("navy")


def test_cms_images_and_their_renditions_are_served_from_the_media_bucket(client, s3_storage):
    guides = GuideIndexPageFactory(parent=load_home_page())
    image = ImageFactory()
    guide = GuidePageFactory(parent=guides, title="Spent convictions", social_image=image)

    head = parse(client.get(guide.url)).head

    shared = head.select_one("meta[property='og:image']")["content"]
    assert shared.startswith(f"{s3_storage.url}/{s3_storage.media_bucket}/images/")
    rendition = image.renditions.get()
    assert shared.endswith(rendition.file.name)
    status, body = anonymous_get(shared)
    assert status == 200
    assert body == object_bytes(s3_storage, s3_storage.media_bucket, rendition.file.name)
    assert Image.open(io.BytesIO(body)).format == "PNG"
    assert image.file.name in object_names(s3_storage, s3_storage.media_bucket)


def test_cms_documents_are_read_from_the_media_bucket_through_wagtails_view(client, s3_storage):
    document = get_document_model().objects.create(
        title="Letter template", file=ContentFile(b"Dear employer,\n", name="letter.txt")
    )
    assert document.file.name in object_names(s3_storage, s3_storage.media_bucket)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Dear employer,\n"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_the_data_export_holds_the_cv_read_from_s3(client, seeker, s3_storage):
    cv_save(user=seeker, upload=files.upload("cv.pdf", files.minimal_pdf("Exported")))
    reauthenticate(client, "/accounts/your-data/")

    response = client.post("/accounts/your-data/")

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    document = json.loads(archive.read("data.json"))
    (cv_path,) = [path for path in document["files"] if path.endswith(".pdf")]
    assert archive.read(cv_path) == files.minimal_pdf("Exported")


def test_deleting_an_account_deletes_its_files_from_s3(
    seeker, s3_storage, django_capture_on_commit_callbacks
):
    cv_save(user=seeker, upload=files.upload("cv.pdf", files.minimal_pdf()))
    assert object_names(s3_storage, s3_storage.private_bucket)

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=seeker)

    assert object_names(s3_storage, s3_storage.private_bucket) == set()
