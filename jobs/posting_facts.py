"""A posting's fair-chance facts and how to apply, in plain words, for the texts
that leave the site: the printed job list and the job feed for aggregators.

The posting's own page says the same things through the `record_checks` and
`record_promise` filters (jobs/templatetags/posting_facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from fairsite.site_address import absolute_url

from .models import ApplicationMethod, JobPosting


def record_checks(posting: JobPosting) -> str:
    """When records are checked and, if ever, how deeply: "Only after a
    conditional job offer; a background check of recent convictions"."""
    words = posting.get_check_timing_display()
    if posting.check_level != "none":
        words += f"; {posting.check_text}"
    return words


def record_promise(posting: JobPosting) -> str:
    """What an applicant is asked about a record before an offer."""
    if posting.checks_after_offer:
        return "You will not be asked about a criminal record before a job offer."
    return (
        "The law requires a record check for this role before an offer. "
        f"{posting.employer.name} will tell you when and how; you do not need to say "
        "anything about a record in your application."
    )


def fair_chance_facts(posting: JobPosting) -> list[str]:
    """The facts a person with a record looks for first, one sentence each."""
    facts = [f"Record checks: {record_checks(posting)}.", record_promise(posting)]
    if posting.employer.is_verified:
        facts.append(
            "Verified fair-chance employer: our editors checked this employer's fair-chance policy."
        )
    return facts


@dataclass(frozen=True)
class HowToApply:
    words: str  # "Apply on this site", "Apply on Acme's website", "Email your CV to"
    address: str  # the full address to go to or write to


def how_to_apply(posting: JobPosting) -> HowToApply:
    if posting.application_method == ApplicationMethod.EXTERNAL_URL:
        return HowToApply(f"Apply on {posting.employer.name}'s website", posting.apply_url)
    if posting.application_method == ApplicationMethod.EMAIL:
        return HowToApply(
            f'Email your CV with "{posting.title}" in the subject to', posting.apply_email
        )
    return HowToApply("Apply on this site", absolute_url(posting.get_absolute_url()))
