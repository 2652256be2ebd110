"""Fair-chance preferences: what a person asks of employers, for their own results.

Preferences only. Nothing here describes a record: no offences, no dates, no
sentences (UK GDPR Article 10 is why). Each preference names something an
employer's structured policy or a posting already says, so matching can turn it
into a filter at query time, on that person's own search only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from employers.models import CheckLevel, RoleType, Support

# From the lightest check to the deepest.
CHECK_LEVEL_ORDER = (CheckLevel.NONE, CheckLevel.BASIC, CheckLevel.STANDARD, CheckLevel.ENHANCED)


@dataclass(frozen=True, repr=False)
class FairChancePreferences:
    """One person's fair-chance preferences, as plain values.

    `highest_check_level` is the deepest check they accept (a CheckLevel value),
    or "" when any level is fine. `avoid_duties` are RoleType values (postings
    carry them as `duties`); `needs_support` are Support values the employer
    must offer. Its repr and str never show the values, so a stray log line or
    error report can't leak them.
    """

    only_checks_after_offer: bool = False
    highest_check_level: str = ""
    avoid_duties: tuple[str, ...] = field(default=())
    needs_support: tuple[str, ...] = field(default=())
    only_ignores_spent_convictions: bool = False

    def __post_init__(self) -> None:
        # Messages name the field, never the value.
        if self.highest_check_level and self.highest_check_level not in CheckLevel.values:
            raise ValueError("highest_check_level is not a check level")
        if not set(self.avoid_duties) <= set(RoleType.values):
            raise ValueError("avoid_duties holds something that is not a role type")
        if not set(self.needs_support) <= set(Support.values):
            raise ValueError("needs_support holds something that is not a kind of support")
        object.__setattr__(self, "avoid_duties", tuple(sorted(set(self.avoid_duties))))
        object.__setattr__(self, "needs_support", tuple(sorted(set(self.needs_support))))
        object.__setattr__(self, "only_checks_after_offer", bool(self.only_checks_after_offer))
        object.__setattr__(
            self, "only_ignores_spent_convictions", bool(self.only_ignores_spent_convictions)
        )

    def __repr__(self) -> str:
        return "FairChancePreferences(<private>)"

    __str__ = __repr__

    @property
    def is_empty(self) -> bool:
        """True when nothing is chosen: then nothing is stored at all."""
        return self == FairChancePreferences()

    @property
    def acceptable_check_levels(self) -> tuple[str, ...]:
        """The check levels this person accepts, lightest first (all when no limit)."""
        if not self.highest_check_level:
            return tuple(level.value for level in CHECK_LEVEL_ORDER)
        limit = CHECK_LEVEL_ORDER.index(CheckLevel(self.highest_check_level))
        return tuple(level.value for level in CHECK_LEVEL_ORDER[: limit + 1])

    def to_dict(self) -> dict:
        return {
            "only_checks_after_offer": self.only_checks_after_offer,
            "highest_check_level": self.highest_check_level,
            "avoid_duties": list(self.avoid_duties),
            "needs_support": list(self.needs_support),
            "only_ignores_spent_convictions": self.only_ignores_spent_convictions,
        }

    @classmethod
    def from_dict(cls, data: dict) -> FairChancePreferences:
        """Read what to_dict wrote; unknown keys (from a newer version) are ignored."""
        return cls(
            only_checks_after_offer=bool(data.get("only_checks_after_offer", False)),
            highest_check_level=str(data.get("highest_check_level", "")),
            avoid_duties=tuple(data.get("avoid_duties", ())),
            needs_support=tuple(data.get("needs_support", ())),
            only_ignores_spent_convictions=bool(data.get("only_ignores_spent_convictions", False)),
        )
