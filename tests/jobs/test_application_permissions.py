"""Who may see and move an application, and download the CV sent with it.

Only members of the posting's employer (owners and recruiters alike) and the
candidate themself; another employer's members get 404, as if it didn't exist.
"""

import pytest

from candidates.selectors import can_read_cv
from jobs.applications.models import Stage
from tests.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    EditorFactory,
    MembershipFactory,
    OwnerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    owner = OwnerFactory()
    profile = CandidateProfileFactory()
    return ApplicationFactory(posting__employer=owner.employer, candidate=profile.user)


def visitor_for(kind: str, application):
    employer = application.posting.employer
    return {
        "owner": lambda: employer.memberships.get().user,
        "recruiter": lambda: MembershipFactory(employer=employer).user,
        "other employer's owner": lambda: OwnerFactory().user,
        "other candidate": lambda: UserFactory(),
        "site editor": lambda: EditorFactory(),
        "the candidate": lambda: application.candidate,
    }[kind]()


def employer_pages(application) -> dict[str, str]:
    slug, posting = application.posting.employer.slug, application.posting
    return {
        "applicants": f"/hire/{slug}/postings/{posting.pk}/applicants/",
        "applicant": f"/hire/{slug}/applicants/{application.pk}/",
        "cv": f"/hire/{slug}/applicants/{application.pk}/cv/",
    }


# (visitor, may see the employer's pages, may read the CV through can_read_cv)
MATRIX = [
    ("owner", True, True),
    ("recruiter", True, True),
    ("other employer's owner", False, False),
    ("other candidate", False, False),
    ("site editor", False, False),
    ("the candidate", False, True),
]


@pytest.mark.parametrize(("kind", "sees", "reads_cv"), MATRIX, ids=[row[0] for row in MATRIX])
def test_the_permission_matrix(client, application, kind, sees, reads_cv):
    user = visitor_for(kind, application)
    client.force_login(user)
    pages = employer_pages(application)

    codes = {name: client.get(url).status_code for name, url in pages.items()}
    moved = client.post(pages["applicant"], {"stage": "shortlisted"})
    bulk = client.post(
        pages["applicants"], {"applications": [application.pk], "stage": "interview"}
    )

    expected = 200 if sees else 404
    assert codes == {"applicants": expected, "applicant": expected, "cv": expected}
    assert moved.status_code == (302 if sees else 404)
    assert bulk.status_code == (302 if sees else 404)
    profile = application.candidate.candidate_profile
    assert can_read_cv(user, profile) is reads_cv
    assert can_read_cv(user, profile, application=application) is reads_cv
    application.refresh_from_db()
    assert application.stage == (Stage.INTERVIEW if sees else Stage.SUBMITTED)


def test_another_employers_applicant_is_not_found_under_your_own_name(client, application):
    other = OwnerFactory()
    client.force_login(other.user)
    slug = other.employer.slug

    assert client.get(f"/hire/{slug}/applicants/{application.pk}/").status_code == 404
    assert client.get(f"/hire/{slug}/applicants/{application.pk}/cv/").status_code == 404
    response = client.post(f"/hire/{slug}/applicants/{application.pk}/", {"stage": "rejected"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED


def test_a_bulk_move_cannot_reach_another_employers_applicants(client, application):
    other = OwnerFactory()
    own = ApplicationFactory(posting__employer=other.employer)
    client.force_login(other.user)
    url = f"/hire/{other.employer.slug}/postings/{own.posting.pk}/applicants/"

    response = client.post(url, {"applications": [own.pk, application.pk], "stage": "rejected"})

    assert response.status_code == 200
    assert "Choose applicants from the list" in response.content.decode()
    application.refresh_from_db()
    own.refresh_from_db()
    assert (application.stage, own.stage) == (Stage.SUBMITTED, Stage.SUBMITTED)


def test_visitors_are_sent_to_sign_in(client, application):
    for url in employer_pages(application).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_cv_is_a_download_that_is_never_sniffed_or_cached(client, application):
    client.force_login(application.posting.employer.memberships.get().user)

    response = client.get(employer_pages(application)["cv"])

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cv.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_withdrawn_application_closes_the_cv_to_the_employer(client, application):
    owner = application.posting.employer.memberships.get().user
    application.stage = Stage.WITHDRAWN
    application.save()
    client.force_login(owner)

    assert client.get(employer_pages(application)["cv"]).status_code == 404
    assert not can_read_cv(owner, application.candidate.candidate_profile)
    assert not can_read_cv(owner, application.candidate.candidate_profile, application=application)


def test_a_withdrawn_application_keeps_its_cv_closed_while_another_is_open(client, application):
    owner = application.posting.employer.memberships.get().user
    still_open = ApplicationFactory(
        posting__employer=application.posting.employer, candidate=application.candidate
    )
    application.stage = Stage.WITHDRAWN
    application.save()
    client.force_login(owner)
    profile = application.candidate.candidate_profile

    assert client.get(employer_pages(application)["cv"]).status_code == 404
    assert client.get(employer_pages(still_open)["cv"]).status_code == 200
    assert can_read_cv(owner, profile)
    assert can_read_cv(owner, profile, application=still_open)
    assert not can_read_cv(owner, profile, application=application)
    # Even the candidate: a withdrawn application hands its copy to no one.
    assert not can_read_cv(application.candidate, profile, application=application)


def test_an_application_is_read_only_as_the_copy_of_its_own_candidate(application):
    owner = application.posting.employer.memberships.get().user
    someone_else = CandidateProfileFactory()

    assert not can_read_cv(owner, someone_else, application=application)
    assert not can_read_cv(owner, None, application=application)


def test_an_empty_post_shows_the_errors_instead_of_the_blank_form(client, application):
    client.force_login(application.posting.employer.memberships.get().user)

    response = client.post(employer_pages(application)["applicant"])

    assert response.status_code == 200
    assert "Choose the stage to move to" in response.content.decode()
