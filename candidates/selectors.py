"""Reads of profiles, CVs and preferences, and who may see each."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from employers.selectors import may_find_candidates, memberships_of
from fairsite.accounts.models import User
from jobs.applications.models import Application, Stage
from jobs.models import JobPosting

from .encryption import decrypt_preferences
from .models import ApplyInvitation, CandidateProfile, PrivatePreferences, SavedJob
from .preferences import FairChancePreferences


def profile_for(user: User) -> CandidateProfile | None:
    """The person's own profile, or None before they have saved one."""
    if not user.is_authenticated:
        return None
    return (
        CandidateProfile.objects.filter(user=user)
        .select_related("home")
        .prefetch_related("credentials")
        .first()
    )


def can_read_profile(user: User, profile: CandidateProfile) -> bool:
    """Whether `user` may see `profile`: its owner, or a member of a verified
    employer when the owner lets employers find them. Never their preferences:
    those are not on any page but the owner's own."""
    if not user.is_authenticated:
        return False
    if profile.user_id == user.pk:
        return True
    return profile.is_discoverable and may_find_candidates(user)


def can_read_cv(
    user: User, profile: CandidateProfile | None, *, application: Application | None = None
) -> bool:
    """Whether `user` may download the CV of `profile`, or with `application` the
    copy of a CV sent with that application.

    The one place that decides: its owner, and the members of an employer this
    person applied to, until they withdraw. A withdrawn application shares
    nothing, even while another application to the same employer is still open.
    Nothing else may hand out a CV.
    """
    if profile is None or not user.is_authenticated:
        return False
    if application is not None and (
        application.candidate_id != profile.user_id or application.stage == Stage.WITHDRAWN
    ):
        return False
    if profile.user_id == user.pk:
        return True
    applications = Application.objects.standing().filter(
        candidate_id=profile.user_id,
        posting__employer_id__in=memberships_of(user).values("employer_id"),
    )
    if application is not None:
        applications = applications.filter(pk=application.pk)
    return applications.exists()


def readable_profile(user: User, public_id) -> CandidateProfile:
    """The profile, or 404 for anyone who may not see it (its existence stays private)."""
    profile = CandidateProfile.objects.filter(public_id=public_id).select_related("home").first()
    if profile is None or not can_read_profile(user, profile):
        raise Http404
    return profile


def readable_cv(user: User, public_id) -> CandidateProfile:
    """The profile whose CV `user` may download, or 404 (also when there is no CV)."""
    profile = CandidateProfile.objects.filter(public_id=public_id).first()
    if profile is None or not profile.cv or not can_read_cv(user, profile):
        raise Http404
    return profile


def preferences_for(user: User) -> FairChancePreferences | None:
    """The person's fair-chance preferences, decrypted, or None if they set none.

    Raises PreferencesUnreadable when the stored ones can't be decrypted with
    the configured keys. Use the result only for this person's own results.
    """
    if not user.is_authenticated:
        return None
    record = PrivatePreferences.objects.filter(user=user).only("ciphertext").first()
    if record is None:
        return None
    return decrypt_preferences(record.ciphertext, user_id=user.pk)


@dataclass(frozen=True)
class Step:
    label: str
    url_name: str
    is_done: bool


@dataclass(frozen=True)
class Completeness:
    steps: tuple[Step, ...]

    @property
    def percent(self) -> int:
        return round(100 * sum(step.is_done for step in self.steps) / len(self.steps))

    @property
    def missing(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if not step.is_done)


def profile_completeness(profile: CandidateProfile | None) -> Completeness:
    """How much of the profile is filled in, and what is left, with where to add it.

    Fair-chance preferences never count: they are private and optional, and a
    profile is complete without them.
    """
    p = profile
    home = getattr(p, "home", None) if p else None
    steps = (
        Step("A headline about you", "candidates:profile", bool(p and p.headline)),
        Step("Your skills", "candidates:profile", bool(p and p.skills)),
        Step("The kinds of work you want", "candidates:profile", bool(p and p.desired_categories)),
        Step("Where you live", "candidates:profile", home is not None),
        Step("When you can start", "candidates:profile", bool(p and p.availability)),
        Step("Jobs you have done", "candidates:experience", bool(p and p.experience.exists())),
        Step("Training or education", "candidates:experience", bool(p and p.education.exists())),
        Step("A CV on your profile, if you have one", "candidates:cv", bool(p and p.cv)),
    )
    return Completeness(steps=steps)


def already_applied_refusal(posting, profile: CandidateProfile) -> str:
    """Why this person needs no invitation to `posting`: they applied already (or
    were hired). "" when they have not applied. The one rule for the invite
    service, the invite page and the list of people who suit a job."""
    application = Application.objects.filter(posting=posting, candidate_id=profile.user_id).first()
    if application is None:
        return ""
    if application.stage == Stage.HIRED:
        return (
            "You have already hired this person for this job, so there is no need to invite them."
        )
    if application.stage == Stage.WITHDRAWN:
        return "This person applied for this job and then withdrew, so we won't invite them again."
    return (
        "This person has already applied for this job, so there is no need to invite them. "
        "You'll find them among its applicants."
    )


def applications_by_profile(posting) -> dict[int, Application]:
    """The applications to `posting`, by the applicant's profile id."""
    applications = Application.objects.filter(
        posting=posting, candidate__candidate_profile__isnull=False
    ).select_related("candidate__candidate_profile")
    return {a.candidate.candidate_profile.pk: a for a in applications}


def open_invitations_of(user: User) -> list[ApplyInvitation]:
    """Invitations to apply that the person can still act on: the job is open and
    they have not applied. Newest first, with the job and its employer."""
    applied = Application.objects.filter(candidate=user).values("posting_id")
    invitations = (
        ApplyInvitation.objects.filter(profile__user=user)
        .filter(posting__in=JobPosting.objects.visible())
        .exclude(posting_id__in=applied)
        .select_related("posting__employer")
    )
    return list(invitations)


def saved_posting_ids(user: User, posting_ids: list[int]) -> set[int]:
    """Which of these postings the person has saved (none for a visitor)."""
    if not user.is_authenticated or not posting_ids:
        return set()
    return set(
        SavedJob.objects.filter(user=user, posting_id__in=posting_ids).values_list(
            "posting_id", flat=True
        )
    )


def saved_jobs_of(user: User) -> QuerySet[SavedJob]:
    """The person's saved jobs, newest first, each with its posting and employer."""
    return SavedJob.objects.filter(user=user).select_related("posting__employer")
