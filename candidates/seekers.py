"""A signed-in person as the postings' pages see them (``jobs.seekers``): read
from their profile, preferences and saved jobs, handed to the postings' pages
at start-up so postings and their search never import candidates."""

from __future__ import annotations

from functools import cached_property

from fairsite.accounts.models import User
from jobs import seekers

from .matching import CandidateRanking, ranking_for
from .models import CandidateProfile
from .selectors import profile_for, saved_posting_ids


class CandidateSeeker:
    def __init__(self, user: User):
        self.user = user

    @cached_property
    def profile(self) -> CandidateProfile | None:
        return profile_for(self.user)

    @property
    def home_country(self) -> str | None:
        home = getattr(self.profile, "home", None)
        return home.country if home is not None else None

    @property
    def can_sort_for_you(self) -> bool:
        return self.profile is not None

    def ranking(self) -> CandidateRanking | None:
        return ranking_for(self.user)

    def saved_ids(self, posting_ids: list[int]) -> set[int]:
        return saved_posting_ids(self.user, posting_ids)


def register() -> None:
    seekers.provide(CandidateSeeker)
