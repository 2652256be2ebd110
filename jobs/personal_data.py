"""Postings link to the people who wrote and moderated them; neither is about them.
Applications are about the candidate who sent them."""

from fairsite.accounts.personal_data import register_not_personal, register_personal

from .models import Application, ApplicationEvent, JobPosting, PostingEvent


def register() -> None:
    register_not_personal(
        JobPosting,
        reason="a job posting belongs to its employer; `created_by` is cleared when the "
        "person who wrote it deletes their account",
    )
    register_not_personal(
        PostingEvent,
        reason="a posting's moderation history, kept for the employer; `actor` is cleared "
        "when that person deletes their account",
    )
    # An application, its CV copy and its history are the candidate's: exported to
    # them, and deleted with their account. The employer keeps nothing on the site
    # after that (not even a name); a CV they downloaded is theirs to look after
    # under their own data-protection duties. Employer members who moved an
    # application are named in its history as `actor`, cleared if they leave.
    register_personal(Application, owner="candidate", files=["cv"])
    register_personal(ApplicationEvent, owner="application__candidate")
