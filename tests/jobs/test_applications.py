"""Applying on site: one application per person per posting, only to open postings,
with a CV checked by its content, and never a question about a record."""

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from candidates.services import cv_save
from fairsite.mail.models import OutgoingEmail
from jobs.applications import services
from jobs.applications.models import Application, ApplicationEvent, Stage
from tests.candidates import files
from tests.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    DraftPostingFactory,
    ExpiredPostingFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def posting():
    owner = OwnerFactory()
    return PublishedPostingFactory(employer=owner.employer, title="Forklift driver")


@pytest.fixture
def candidate():
    profile = CandidateProfileFactory()
    cv_save(user=profile.user, upload=files.upload("cv.pdf", files.minimal_pdf()))
    return profile.user


def apply_url(posting) -> str:
    return f"/jobs/{posting.pk}/{posting.slug}/apply/"


def post_application(client, posting, **data):
    return client.post(apply_url(posting), {"cover_note": "I would like this job.", **data})


def test_a_candidate_applies_with_the_cv_on_their_profile(client, posting, candidate):
    client.force_login(candidate)

    response = post_application(client, posting, cv_source="profile")

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    assert (application.candidate, application.posting) == (candidate, posting)
    assert application.stage == Stage.SUBMITTED
    assert application.cover_note == "I would like this job."
    # A copy, not the profile's own file: changing the profile's CV later can't change it.
    assert application.cv.name != candidate.candidate_profile.cv.name
    assert application.cv.open("rb").read().startswith(b"%PDF-")
    assert list(application.events.values_list("to_stage", flat=True)) == [Stage.SUBMITTED]
    keys = set(OutgoingEmail.objects.values_list("dedupe_key", flat=True))
    assert keys == {f"application-{application.pk}-received", f"application-{application.pk}-sent"}
    to_employer = OutgoingEmail.objects.get(dedupe_key=f"application-{application.pk}-received")
    assert to_employer.to == [posting.employer.memberships.get().user.email]
    assert "Forklift driver" in to_employer.subject


def test_a_candidate_without_a_profile_applies_with_a_new_upload(client, posting):
    user = UserFactory()
    client.force_login(user)

    response = post_application(client, posting, cv=files.upload("my-cv.pdf", files.minimal_pdf()))

    assert response.status_code == 302
    application = Application.objects.get(candidate=user)
    assert application.cv_kind == "pdf"
    assert "my-cv" not in application.cv.name


def test_a_cv_is_optional_and_the_form_says_so(client, posting):
    """Many people have no CV yet: the note alone is a whole application."""
    user = UserFactory()
    client.force_login(user)

    page = parse(client.get(apply_url(posting)))
    label = page.select_one("label[for=id_cv]").get_text(" ")
    assert "(optional)" in label
    response = post_application(client, posting)

    assert response.status_code == 302
    application = Application.objects.get(candidate=user)
    assert not application.cv
    employer = posting.employer
    client.force_login(employer.memberships.get().user)
    applicant_url = f"/hire/{employer.slug}/applicants/{application.pk}/"
    applicant = parse(client.get(applicant_url)).get_text(" ")
    assert "They applied without a CV" in applicant
    cv = client.get(f"{applicant_url}cv/")
    assert cv.status_code == 404


def test_a_person_with_a_cv_on_their_profile_may_apply_without_it(client, posting, candidate):
    client.force_login(candidate)

    response = post_application(client, posting, cv_source="none")

    assert response.status_code == 302
    assert not Application.objects.get().cv


def test_an_uploaded_cv_is_kept_on_the_profile_so_the_checklist_is_true(client, posting):
    user = UserFactory()
    CandidateProfileFactory(user=user)
    client.force_login(user)

    post_application(
        client, posting, cv=files.upload("my-cv.pdf", files.minimal_pdf()), keep_on_profile="on"
    )

    user.candidate_profile.refresh_from_db()
    assert user.candidate_profile.cv
    dashboard = parse(client.get("/dashboard/")).get_text(" ")
    assert "A CV on your profile" not in dashboard


def test_an_uploaded_cv_stays_off_the_profile_when_the_person_says_so(client, posting):
    user = UserFactory()
    CandidateProfileFactory(user=user)
    client.force_login(user)

    post_application(client, posting, cv=files.upload("my-cv.pdf", files.minimal_pdf()))

    user.candidate_profile.refresh_from_db()
    assert not user.candidate_profile.cv
    assert Application.objects.get().cv


def test_the_form_never_asks_about_a_record(client, posting, candidate):
    client.force_login(candidate)

    page = parse(client.get(apply_url(posting)))

    form = page.select_one("main form")
    names = {field["name"] for field in form.select("input, textarea, select")}
    assert names == {"csrfmiddlewaretoken", "cover_note", "cv_source", "cv"}
    choices = {radio["value"] for radio in form.select("input[name=cv_source]")}
    assert choices == {"profile", "upload", "none"}
    text = form.get_text(" ").lower()
    for word in ("conviction", "criminal", "offence", "offense", "arrest", "record"):
        assert word not in text


def test_a_double_submit_makes_one_application(client, posting, candidate):
    client.force_login(candidate)

    first = post_application(client, posting, cv_source="profile")
    second = post_application(client, posting, cv_source="profile")

    assert Application.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    # The retry sends nothing new.
    assert OutgoingEmail.objects.count() == 2


def test_the_service_refuses_a_second_application_and_keeps_no_file(
    posting, candidate, private_media
):
    services.application_create(posting=posting, candidate=candidate, upload=None)

    with pytest.raises(services.AlreadyApplied):
        services.application_create(
            posting=posting,
            candidate=candidate,
            upload=files.upload("cv.pdf", files.minimal_pdf()),
        )

    assert Application.objects.count() == 1
    assert len(list((private_media / "application-cvs").iterdir())) == 1


def test_the_database_itself_refuses_two_applications_for_one_posting(posting, candidate):
    ApplicationFactory(posting=posting, candidate=candidate)

    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(posting=posting, candidate=candidate)


@pytest.mark.parametrize(
    "make",
    [
        lambda: ExpiredPostingFactory(),
        lambda: PublishedPostingFactory(status="closed"),
        lambda: PublishedPostingFactory(status="filled"),
        lambda: PublishedPostingFactory(status="paused"),
    ],
    ids=["expired", "closed", "filled", "paused"],
)
def test_no_one_can_apply_to_a_posting_that_is_not_open(client, candidate, make):
    posting = make()
    client.force_login(candidate)

    page = client.get(apply_url(posting))
    response = post_application(client, posting, cv_source="profile")

    assert "no longer taking applications" in page.content.decode()
    assert response.status_code == 409
    assert "no longer taking applications" in response.content.decode()
    assert not Application.objects.exists()
    with pytest.raises(services.ApplyNotAllowed):
        services.application_create(posting=posting, candidate=candidate, upload=None)


def test_an_unpublished_posting_is_not_found(client, candidate):
    posting = DraftPostingFactory()
    client.force_login(candidate)

    assert client.get(apply_url(posting)).status_code == 404
    assert post_application(client, posting, cv_source="profile").status_code == 404
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("method", "fields", "instruction"),
    [
        (
            "external_url",
            {"apply_url": "https://jobs.example.org/42"},
            "https://jobs.example.org/42",
        ),
        ("email", {"apply_email": "jobs@example.org"}, "mailto:jobs@example.org"),
    ],
)
def test_other_application_methods_show_instructions_not_the_form(
    client, candidate, method, fields, instruction
):
    posting = PublishedPostingFactory(application_method=method, **fields)
    client.force_login(candidate)

    detail = parse(client.get(posting.get_absolute_url()))
    apply = post_application(client, posting, cv_source="profile")

    section = detail.select_one("#apply-heading").find_parent("section")
    assert instruction in str(section)
    assert section.find("a", href=apply_url(posting)) is None
    assert apply.status_code == 302
    assert apply["Location"].endswith("#apply-heading")
    assert not Application.objects.exists()


def test_the_posting_page_offers_apply_then_shows_the_stage(client, posting, candidate):
    client.force_login(candidate)
    before = parse(client.get(posting.get_absolute_url()))
    application = ApplicationFactory(posting=posting, candidate=candidate, stage=Stage.INTERVIEW)

    after = parse(client.get(posting.get_absolute_url()))

    assert before.find("a", href=apply_url(posting))
    assert after.find("a", href=apply_url(posting)) is None
    assert "Stage: Interview" in after.get_text(" ", strip=True)
    assert after.find("a", href=application.get_absolute_url())


def test_visitors_are_sent_to_sign_in_before_applying(client, posting):
    response = client.get(apply_url(posting))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# Bad input ------------------------------------------------------------------


def test_choosing_upload_without_a_file_is_asked_for_next_to_the_field(client, posting, candidate):
    client.force_login(candidate)

    page = assert_form_errors(post_application(client, posting, cv_source="upload"), "cv")

    assert "Choose the CV to upload" in field_error(page, "cv")
    assert not Application.objects.exists()


def test_choosing_upload_without_a_file_keeps_the_note(client, posting, candidate):
    client.force_login(candidate)

    page = assert_form_errors(
        post_application(client, posting, cv_source="upload", cover_note="Keep me"), "cv"
    )

    assert page.select_one("textarea[name=cover_note]").get_text().strip() == "Keep me"
    assert not Application.objects.exists()


def test_a_file_that_is_not_a_cv_is_refused(client, posting, candidate):
    client.force_login(candidate)
    fake = files.upload("cv.pdf", b"MZ\x90\x00 this is a program")

    page = assert_form_errors(post_application(client, posting, cv_source="upload", cv=fake), "cv")

    assert "must be a PDF or a Word document" in field_error(page, "cv")
    assert not Application.objects.exists()


def test_a_note_too_long_and_a_made_up_cv_choice_are_refused(client, posting, candidate):
    client.force_login(candidate)

    page = assert_form_errors(
        post_application(client, posting, cv_source="elsewhere", cover_note="x" * 2001),
        "cover_note",
        "cv_source",
    )

    assert "2000 characters or fewer" in field_error(page, "cover_note")
    assert "Choose which CV to send" in field_error(page, "cv_source")
    assert not Application.objects.exists()


# After commit ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_emails_go_only_after_the_application_commits(posting, candidate):
    with transaction.atomic():
        application = services.application_create(posting=posting, candidate=candidate, upload=None)
        assert mail.outbox == []

    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "New application: Forklift driver",
        "Your application is sent: Forklift driver",
    ]
    assert ApplicationEvent.objects.filter(application=application).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_tabs_sending_at_the_same_moment_make_one_application(posting, candidate):
    from django.db import connection

    results, start = [], threading.Barrier(2)

    def send():
        start.wait()
        try:
            services.application_create(posting=posting, candidate=candidate, upload=None)
            results.append("created")
        except services.AlreadyApplied:
            results.append("already")
        finally:
            connection.close()

    tabs = [threading.Thread(target=send) for _ in range(2)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()

    assert sorted(results) == ["already", "created"]
    assert Application.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2
