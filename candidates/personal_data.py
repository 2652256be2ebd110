"""What candidates' models hold about a person (see fairsite.accounts.personal_data)."""

from fairsite.accounts.personal_data import register_personal

from .encryption import PreferencesUnreadable
from .models import (
    ApplyInvitation,
    CandidateProfile,
    EducationEntry,
    ExperienceEntry,
    HomeLocation,
    PrivatePreferences,
)
from .selectors import preferences_for


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


def register() -> None:
    register_personal(CandidateProfile, files=["cv"])
    register_personal(HomeLocation, owner="profile__user")
    register_personal(ExperienceEntry, owner="profile__user")
    register_personal(EducationEntry, owner="profile__user")
    register_personal(PrivatePreferences, export=export_preferences)
    # Invitations are about the person invited; the inviting recruiter is only
    # named (and forgotten, SET_NULL, when their own account goes).
    register_personal(ApplyInvitation, owner="profile__user")
