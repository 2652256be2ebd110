"""Postings link to the people who wrote and moderated them; neither is about them."""

from fairsite.accounts.personal_data import register_not_personal

from .models import JobPosting, PostingEvent


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
