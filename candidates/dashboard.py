"""The job seeker's section of the account dashboard."""

from fairsite.accounts.dashboard import register_section

from .models import CandidateProfile
from .selectors import profile_completeness, profile_for


def dashboard_context(user) -> dict:
    profile = profile_for(user)
    return {"profile": profile, "completeness": profile_completeness(profile)}


def is_job_seeker(user) -> bool:
    return user.is_looking_for_work or CandidateProfile.objects.filter(user=user).exists()


def register() -> None:
    register_section(
        template="candidates/includes/dashboard.html",
        context=dashboard_context,
        applies=is_job_seeker,
    )
