"""Moving applicants between stages: only forward, only by the employer's team,
with a history, a message, and an email the candidate receives once."""

import pytest
from django.core.exceptions import PermissionDenied

from fairsite.mail.models import OutgoingEmail
from jobs import services as posting_services
from jobs.applications import services
from jobs.applications.models import Application, Stage
from tests.factories import ApplicationFactory, MembershipFactory, OwnerFactory, UserFactory
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

IN_PROGRESS = ["submitted", "viewed", "shortlisted", "interview", "offer"]
FINISHED = ["hired", "rejected", "withdrawn"]


@pytest.fixture
def owner():
    return OwnerFactory()


@pytest.fixture
def application(owner):
    return ApplicationFactory(posting__employer=owner.employer, posting__title="Line cook")


def move(application, to, by, **kwargs):
    return services.application_move(application=application, to=to, by=by, **kwargs)


def stage_emails(application):
    return OutgoingEmail.objects.filter(dedupe_key__startswith=f"application-{application.pk}-")


def test_an_applicant_moves_forward_with_a_timestamped_history(application, owner):
    move(application, "shortlisted", owner.user)
    move(application, "interview", owner.user, message="Can you come on Tuesday at 10?")
    move(application, "offer", owner.user, offer_is_conditional=True)
    move(application, "hired", owner.user)

    application.refresh_from_db()
    events = list(application.events.all())
    assert application.stage == Stage.HIRED
    assert application.offer_is_conditional
    assert [(e.from_stage, e.to_stage) for e in events] == [
        ("submitted", "shortlisted"),
        ("shortlisted", "interview"),
        ("interview", "offer"),
        ("offer", "hired"),
    ]
    assert all(e.created_at for e in events)
    assert events[1].message == "Can you come on Tuesday at 10?"
    assert events[1].actor == owner.user


def test_each_change_the_candidate_should_know_of_is_emailed_once(application, owner):
    services.application_mark_viewed(application=application, by=owner.user)
    move(application, "interview", owner.user, message="Tuesday at 10?")

    emails = list(stage_emails(application))
    assert len(emails) == 1  # "viewed" is shown on the page, not emailed
    assert emails[0].to == [application.candidate.email]
    assert emails[0].subject == "Interview: Line cook"
    assert "Tuesday at 10?" in emails[0].body_text
    assert "would like to interview you" in emails[0].body_text


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("submitted", "hired"),
        ("submitted", "offer"),
        ("interview", "shortlisted"),
        ("interview", "viewed"),
        ("shortlisted", "submitted"),
        ("hired", "rejected"),
        ("rejected", "interview"),
        ("withdrawn", "shortlisted"),
        ("interview", "interview"),
        ("interview", "withdrawn"),
    ],
)
def test_illegal_moves_are_refused_with_a_clear_message(owner, start, to):
    application = ApplicationFactory(posting__employer=owner.employer, stage=start)

    with pytest.raises(services.StageMoveNotAllowed) as refused:
        move(application, to, owner.user, offer_is_conditional=True)

    application.refresh_from_db()
    assert application.stage == start
    assert application.events.count() == 0
    message = " ".join(refused.value.messages)
    assert "can't move" in message or "already at" in message or "from the list" in message
    assert not stage_emails(application).exists()


def test_an_offer_must_be_confirmed_as_conditional(application, owner):
    move(application, "interview", owner.user)

    with pytest.raises(services.ValidationError) as refused:
        move(application, "offer", owner.user)

    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW
    assert "offer_is_conditional" in refused.value.message_dict


def test_someone_outside_the_employer_cannot_move_an_applicant(application):
    other = OwnerFactory()

    with pytest.raises(PermissionDenied):
        move(application, "shortlisted", other.user)
    with pytest.raises(PermissionDenied):
        move(application, "shortlisted", application.candidate)

    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED


def test_a_candidate_withdraws_from_any_stage_in_progress_only(owner):
    for stage in IN_PROGRESS:
        application = ApplicationFactory(posting__employer=owner.employer, stage=stage)
        services.application_withdraw(application=application, by=application.candidate)
        application.refresh_from_db()
        assert application.stage == Stage.WITHDRAWN
    for stage in FINISHED:
        application = ApplicationFactory(posting__employer=owner.employer, stage=stage)
        with pytest.raises(services.StageMoveNotAllowed):
            services.application_withdraw(application=application, by=application.candidate)
    with pytest.raises(PermissionDenied):
        services.application_withdraw(
            application=ApplicationFactory(posting__employer=owner.employer), by=owner.user
        )


def test_a_bulk_move_moves_all_or_none(owner):
    posting = ApplicationFactory(posting__employer=owner.employer).posting
    ApplicationFactory.create_batch(2, posting=posting)
    applications = list(Application.objects.filter(posting=posting))

    moved = services.applications_move(
        applications=applications, to="shortlisted", by=owner.user, message="Well done"
    )

    assert moved == 3
    assert set(Application.objects.values_list("stage", flat=True)) == {"shortlisted"}
    assert OutgoingEmail.objects.filter(body_text__contains="Well done").count() == 3

    services.application_withdraw(application=applications[0], by=applications[0].candidate)
    with pytest.raises(services.StageMoveNotAllowed) as refused:
        services.applications_move(applications=applications, to="interview", by=owner.user)

    assert "Nothing was moved." in refused.value.messages
    stages = sorted(Application.objects.values_list("stage", flat=True))
    assert stages == ["shortlisted", "shortlisted", "withdrawn"]


def test_offers_are_never_made_in_bulk(application, owner):
    with pytest.raises(services.StageMoveNotAllowed):
        services.applications_move(applications=[application], to="offer", by=owner.user)


def test_a_filled_posting_tells_the_applicants_still_waiting_exactly_once(owner):
    posting = ApplicationFactory(posting__employer=owner.employer, stage="interview").posting
    waiting = list(Application.objects.filter(posting=posting))
    waiting.append(ApplicationFactory(posting=posting, stage="submitted"))
    ApplicationFactory(posting=posting, stage="rejected")
    ApplicationFactory(posting=posting, stage="withdrawn")
    ApplicationFactory(posting=posting, stage="offer")

    posting_services.posting_mark_filled(posting=posting, by=owner.user)
    # Even if the news went out again, no one hears twice.
    assert services.applications_tell_posting_closed(posting=posting) == 0

    told = OutgoingEmail.objects.filter(subject__startswith="This job is no longer open")
    assert sorted(e.to[0] for e in told) == sorted(a.candidate.email for a in waiting)
    assert all("filled" in e.body_text for e in told)


def test_a_closed_posting_tells_applicants_once(owner):
    application = ApplicationFactory(posting__employer=owner.employer)

    posting_services.posting_close(posting=application.posting, by=owner.user)

    application.refresh_from_db()
    assert application.posting_closed_noted_at is not None
    assert stage_emails(application).filter(dedupe_key__endswith="-closed").count() == 1


# Through the employer's pages -------------------------------------------------


def applicant_url(application) -> str:
    return application.get_employer_url()


def test_opening_a_new_application_marks_it_viewed(client, application, owner):
    client.force_login(owner.user)

    page = parse(client.get(applicant_url(application)))

    application.refresh_from_db()
    assert application.stage == Stage.VIEWED
    assert "Stage: Seen by the employer" in page.get_text(" ", strip=True)
    assert page.find("a", href=f"{applicant_url(application)}cv/")


def test_the_employer_moves_an_applicant_to_interview_with_a_message(client, application):
    recruiter = MembershipFactory(employer=application.posting.employer)
    client.force_login(recruiter.user)

    response = client.post(
        applicant_url(application), {"stage": "interview", "message": "Tuesday at 10?"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW
    assert application.events.last().message == "Tuesday at 10?"


def test_an_illegal_move_on_the_page_says_why_next_to_the_field(client, owner):
    application = ApplicationFactory(posting__employer=owner.employer, stage="shortlisted")
    client.force_login(owner.user)

    page = assert_form_errors(client.post(applicant_url(application), {"stage": "viewed"}), "stage")

    assert "can't move to “Seen by the employer”" in field_error(page, "stage")
    application.refresh_from_db()
    assert application.stage == Stage.SHORTLISTED


def test_an_unconfirmed_offer_and_bad_input_are_shown_next_to_their_fields(client, owner):
    application = ApplicationFactory(posting__employer=owner.employer, stage="interview")
    client.force_login(owner.user)

    offer = assert_form_errors(
        client.post(applicant_url(application), {"stage": "offer"}), "offer_is_conditional"
    )
    nonsense = assert_form_errors(
        client.post(applicant_url(application), {"stage": "boss", "message": "x" * 2001}),
        "stage",
        "message",
    )

    assert "confirm the offer is conditional" in field_error(offer, "offer_is_conditional")
    assert "Choose a stage from the list" in field_error(nonsense, "stage")
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW


def test_the_offer_step_reminds_the_employer_of_their_policy_and_of_individual_assessment(
    client, owner
):
    application = ApplicationFactory(posting__employer=owner.employer, stage="interview")
    client.force_login(owner.user)

    client.post(applicant_url(application), {"stage": "offer", "offer_is_conditional": "on"})
    page = parse(client.get(applicant_url(application))).get_text(" ", strip=True)

    assert "This offer is conditional" in page
    assert "We only look at criminal records after we offer you the job" in page
    assert "own circumstances, never by a blanket rule" in page
    assert "Do not write anything about a record on this site" in page


def test_the_bulk_form_moves_several_and_refuses_bad_input(client, owner):
    first = ApplicationFactory(posting__employer=owner.employer)
    second = ApplicationFactory(posting=first.posting)
    url = f"/hire/{owner.employer.slug}/postings/{first.posting.pk}/applicants/"
    client.force_login(owner.user)

    empty = assert_form_errors(client.post(url, {"stage": "shortlisted"}), "applications")
    offer = client.post(url, {"applications": [first.pk], "stage": "offer"})
    moved = client.post(url, {"applications": [first.pk, second.pk], "stage": "rejected"})

    assert "Choose at least one applicant" in field_error(empty, "applications")
    assert_form_errors(offer, "stage")
    assert moved.status_code == 302
    assert set(Application.objects.values_list("stage", flat=True)) == {"rejected"}


def test_the_candidate_sees_the_stage_and_can_withdraw(client, application, owner):
    move(application, "interview", owner.user, message="Tuesday at 10?")
    client.force_login(application.candidate)

    page = parse(client.get(application.get_absolute_url())).get_text(" ", strip=True)
    listed = parse(client.get("/applications/")).get_text(" ", strip=True)
    dashboard = parse(client.get("/dashboard/")).get_text(" ", strip=True)
    withdrawn = client.post(f"/applications/{application.pk}/withdraw/")

    assert "Stage: Interview" in page
    assert "Tuesday at 10?" in page
    assert "Line cook Second Start" in listed
    assert "Interview" in listed
    assert "Line cook" in dashboard
    assert withdrawn.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN


def test_withdrawing_twice_says_it_cannot(client, application):
    client.force_login(application.candidate)
    client.post(f"/applications/{application.pk}/withdraw/")

    again = client.post(f"/applications/{application.pk}/withdraw/", follow=True)

    text = parse(again).get_text(" ", strip=True)
    assert "can't withdraw an application that is “Withdrawn”" in text
    assert application.events.filter(to_stage="withdrawn").count() == 1


def test_the_employer_dashboard_and_posting_page_show_the_applications(client, application, owner):
    ApplicationFactory(posting=application.posting)
    client.force_login(owner.user)

    dashboard = parse(client.get(f"/hire/{owner.employer.slug}/"))
    preview = parse(client.get(f"/hire/{owner.employer.slug}/postings/{application.posting.pk}/"))
    applicants = parse(
        client.get(f"/hire/{owner.employer.slug}/postings/{application.posting.pk}/applicants/")
    )

    url = f"/hire/{owner.employer.slug}/postings/{application.posting.pk}/applicants/"
    assert dashboard.find("a", href=url).get_text(" ", strip=True).startswith("2")
    assert preview.find("a", href=url).get_text(strip=True) == "Applicants (2)"
    assert len(applicants.select("tbody tr")) == 2
    assert applicants.find("a", href=applicant_url(application))


def test_a_user_who_is_not_the_candidate_gets_404_for_their_application(client, application):
    client.force_login(UserFactory())

    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.post(f"/applications/{application.pk}/withdraw/").status_code == 404
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED


@pytest.mark.parametrize(
    "message",
    [
        "Do you have any convictions?",
        "Please bring details of your criminal record.",
        "We will run a background check before the interview.",
        "Tell us about any offences.",
    ],
)
def test_a_message_before_an_offer_may_not_raise_a_record(client, owner, message):
    application = ApplicationFactory(posting__employer=owner.employer)
    client.force_login(owner.user)

    page = assert_form_errors(
        client.post(applicant_url(application), {"stage": "interview", "message": message}),
        "message",
    )

    assert "before a conditional offer" in field_error(page, "message")
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED
    with pytest.raises(services.ValidationError):
        services.applications_move(
            applications=[application], to="shortlisted", by=owner.user, message=message
        )
    assert not stage_emails(application).exists()


def test_everyday_words_and_reentry_job_titles_are_fine_in_a_message(owner):
    application = ApplicationFactory(posting__employer=owner.employer)

    move(
        application,
        "interview",
        owner.user,
        message="Come for the probation officer interview; we record hours on a rota.",
    )

    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW


def test_after_a_conditional_offer_the_employer_may_raise_a_check(owner):
    application = ApplicationFactory(posting__employer=owner.employer, stage="interview")

    move(
        application,
        "offer",
        owner.user,
        offer_is_conditional=True,
        message="The offer depends on a basic DBS check, as our policy says.",
    )

    application.refresh_from_db()
    assert application.stage == Stage.OFFER


def test_withdrawn_applications_are_not_counted_on_the_dashboard_or_posting_page(
    client, application, owner
):
    ApplicationFactory(posting=application.posting, stage=Stage.WITHDRAWN)
    client.force_login(owner.user)
    slug, pk = owner.employer.slug, application.posting.pk

    dashboard = parse(client.get(f"/hire/{slug}/"))
    preview = parse(client.get(f"/hire/{slug}/postings/{pk}/"))

    url = f"/hire/{slug}/postings/{pk}/applicants/"
    assert dashboard.find("a", href=url).get_text(" ", strip=True).startswith("1")
    assert preview.find("a", href=url).get_text(strip=True) == "Applicants (1)"
