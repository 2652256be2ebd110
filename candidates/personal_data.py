"""What candidates' models hold about a person, and their dashboard section."""

from fairsite.accounts.dashboard import register_section
from fairsite.accounts.personal_data import register_personal

from .encryption import PreferencesUnreadable
from .models import (
    CandidateProfile,
    EducationEntry,
    ExperienceEntry,
    HomeLocation,
    PrivatePreferences,
)
from .selectors import preferences_for, profile_completeness, profile_for


def export_preferences(user) -> list[dict]:
    """The preferences decrypted, for their owner's own download only."""
    record = PrivatePreferences.objects.filter(user=user).first()
    if record is None:
        return []
    try:
        preferences = preferences_for(user)
    except PreferencesUnreadable:
        return [{"updated_at": record.updated_at, "preferences": "saved, but unreadable now"}]
    return [{"updated_at": record.updated_at, "preferences": preferences.to_dict()}]


def dashboard_context(user) -> dict:
    profile = profile_for(user)
    return {"profile": profile, "completeness": profile_completeness(profile)}


def is_job_seeker(user) -> bool:
    return user.is_looking_for_work or CandidateProfile.objects.filter(user=user).exists()


def register() -> None:
    register_personal(CandidateProfile, files=["cv"])
    register_personal(HomeLocation, owner="profile__user")
    register_personal(ExperienceEntry, owner="profile__user")
    register_personal(EducationEntry, owner="profile__user")
    register_personal(PrivatePreferences, export=export_preferences)
    register_section(
        template="candidates/includes/dashboard.html",
        context=dashboard_context,
        applies=is_job_seeker,
    )
