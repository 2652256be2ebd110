"""The CV: judged by its content, stored privately, served only to its owner."""

from pathlib import Path

import pytest
from django.conf import settings

from candidates.models import CandidateProfile
from candidates.services import cv_save
from fairsite.accounts.models import User
from tests.candidates import files
from tests.factories import CandidateProfileFactory, OwnerFactory, UserFactory
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

DOCX_TYPE = files.DOCX_TYPE


@pytest.fixture
def seeker(client):
    user = UserFactory()
    client.force_login(user)
    return user


def upload_cv(client, name, content, content_type=files.PDF_TYPE):
    return client.post("/profile/cv/", {"cv": files.upload(name, content, content_type)})


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("My CV (final).pdf", files.minimal_pdf(), "pdf", files.PDF_TYPE),
        ("Sam Seeker CV.docx", files.minimal_docx(), "docx", DOCX_TYPE),
    ],
)
def test_a_real_pdf_or_docx_is_stored_privately_and_served_only_as_a_download(
    client, seeker, private_media, name, content, kind, content_type
):
    response = upload_cv(client, name, content)

    assert response.status_code == 302
    profile = CandidateProfile.objects.get(user=seeker)
    stored = Path(profile.cv.path)
    assert stored.is_relative_to(private_media)
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    # A random name: nothing of what the person called the file.
    assert "seeker" not in stored.name.lower()
    assert "final" not in stored.name.lower()
    assert stored.suffix == f".{kind}"
    assert stored.read_bytes() == content

    download = client.get(f"/candidates/{profile.public_id}/cv/")

    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"] == f'attachment; filename="cv.{kind}"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"]
    assert "private" in download["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("cv.pdf", files.renamed_executable(), "must be a pdf or a word document"),
        ("cv.exe", files.renamed_executable(), "must be a pdf or a word document"),
        ("cv.pdf", files.png_html_polyglot(), "must be a pdf or a word document"),
        ("cv.pdf", files.html_page(), "must be a pdf or a word document"),
        ("cv.pdf", files.pdf_html_polyglot(), "must be a pdf or a word document"),
        ("cv.pdf", b"%PDF-1.4\nnot really a pdf at all", "damaged"),
        (
            "cv.pdf",
            files.minimal_pdf(extra_objects=[b"<< /S /JavaScript /JS (app.alert(1)) >>"]),
            "active content",
        ),
        ("cv.docx", files.zip_of({"notes.txt": "just a zip"}), "not a word document"),
        ("cv.docx", files.zip_bomb(), "not a word document"),
        ("cv.docx", files.renamed_executable() + files.minimal_docx(), "must be a pdf"),
        (
            "cv.docx",
            files.minimal_docx(main="application/vnd.ms-word.document.macroEnabled.main+xml"),
            "macros",
        ),
        (
            "cv.docx",
            files.minimal_docx(extra={"word/vbaProject.bin": b"\x00" * 10}),
            "macros",
        ),
        ("cv.pdf", b"", "choose your cv"),
    ],
    ids=[
        "renamed-exe",
        "exe",
        "png-html-polyglot",
        "html-named-pdf",
        "pdf-html-polyglot",
        "broken-pdf",
        "pdf-with-javascript",
        "plain-zip",
        "zip-bomb",
        "exe-with-zip-appended",
        "docm",
        "macro-part",
        "empty",
    ],
)
def test_a_file_that_is_not_a_real_cv_is_refused_with_a_message_by_the_field(
    client, seeker, private_media, name, content, words
):
    response = upload_cv(client, name, content)

    page = assert_form_errors(response, "cv")
    assert words in field_error(page, "cv").lower()
    assert not CandidateProfile.objects.filter(user=seeker).exclude(cv="").exists()
    assert not any(private_media.rglob("*.*"))


def test_a_file_over_5_mb_is_refused_as_too_big(client, seeker, private_media):
    content = files.minimal_pdf() + b"%" + b"x" * (5 * 1024 * 1024)

    response = upload_cv(client, "cv.pdf", content)

    page = assert_form_errors(response, "cv")
    assert "too big" in field_error(page, "cv")
    assert "5 MB or less" in field_error(page, "cv")
    assert not any(private_media.rglob("*.*"))


def test_no_file_at_all_is_refused_with_a_message(client, seeker):
    response = client.post("/profile/cv/", {})

    page = assert_form_errors(response, "cv")
    assert "Choose your CV" in field_error(page, "cv")


def test_a_new_cv_replaces_the_old_file_and_delete_removes_it(
    client, seeker, private_media, django_capture_on_commit_callbacks
):
    upload_cv(client, "one.pdf", files.minimal_pdf("first"))
    first = Path(CandidateProfile.objects.get(user=seeker).cv.path)

    with django_capture_on_commit_callbacks(execute=True):
        upload_cv(client, "two.docx", files.minimal_docx(), DOCX_TYPE)
    profile = CandidateProfile.objects.get(user=seeker)
    second = Path(profile.cv.path)

    assert not first.exists()
    assert second.exists()
    assert second.suffix == ".docx"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/profile/cv/delete/")

    assert response.status_code == 302
    profile.refresh_from_db()
    assert not profile.cv
    assert not second.exists()
    assert "deleted" in client.get("/profile/cv/").content.decode()


def test_a_cv_is_404_for_everyone_but_its_owner(client, private_media):
    owner = UserFactory()
    client.force_login(owner)
    upload_cv(client, "cv.pdf", files.minimal_pdf())
    profile = CandidateProfile.objects.get(user=owner)
    url = f"/candidates/{profile.public_id}/cv/"

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404

    employer = OwnerFactory().user
    client.force_login(employer)
    assert client.get(url).status_code == 404

    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_profile_without_a_cv_has_no_download(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)

    assert client.get(f"/candidates/{profile.public_id}/cv/").status_code == 404


def test_the_cv_page_offers_the_download_and_the_delete_button(client, seeker):
    upload_cv(client, "cv.pdf", files.minimal_pdf())
    profile = CandidateProfile.objects.get(user=seeker)

    page = parse(client.get("/profile/cv/"))

    assert page.select_one(f"a[href='/candidates/{profile.public_id}/cv/']")
    delete = page.select_one("form[action='/profile/cv/delete/']")
    assert delete["method"] == "post"


def test_a_cv_whose_row_cannot_be_saved_leaves_no_file_behind(private_media):
    never_saved = User(email="ghost@example.org")

    with pytest.raises(ValueError, match="must be saved"):
        cv_save(user=never_saved, upload=files.upload("cv.pdf", files.minimal_pdf()))

    assert not any(private_media.rglob("*.*"))
