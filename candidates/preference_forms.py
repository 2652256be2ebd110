"""The fair-chance preferences form: choices about employers, in plain words.

Every field is a fixed choice: there is no box to type in, so nobody can be led
to write about their record here. Error messages never repeat what was sent.
"""

from __future__ import annotations

from django import forms

from employers.models import CheckLevel, RoleType, Support

from .forms import CHOOSE_FROM_LIST, checkboxes_field
from .preferences import FairChancePreferences

CHECK_LEVEL_CHOICES = [
    ("", "Any check is fine"),
    (CheckLevel.STANDARD, "No enhanced checks"),
    (CheckLevel.BASIC, "No standard or enhanced checks (a basic check is fine)"),
    (CheckLevel.NONE, "No checks at all"),
]
DUTY_CHOICES = [
    (RoleType.DRIVING, "Jobs where you drive"),
    (RoleType.CHILDREN, "Jobs working with children"),
    (RoleType.VULNERABLE_ADULTS, "Jobs working with adults who need care or support"),
    (RoleType.CASH, "Jobs where you handle cash or payments"),
    (RoleType.SECURITY, "Security jobs"),
    (RoleType.HEALTH_CARE, "Health care jobs"),
]
SUPPORT_CHOICES = [
    (
        Support.FLEXIBLE_HOURS,
        "Time off on weekdays for appointments, for example with probation",
    ),
    (Support.MENTORING, "A mentor at work"),
    (Support.TRANSPORT, "Help getting to work"),
    (Support.TRAINING, "Training"),
]


class PreferencesForm(forms.Form):
    only_checks_after_offer = forms.BooleanField(
        label="Only show employers who check records after a job offer, or never",
        required=False,
    )
    highest_check_level = forms.ChoiceField(
        label="Which record checks are you happy with?",
        choices=CHECK_LEVEL_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text="A basic check shows only convictions that are not spent. Standard and "
        "enhanced checks can show more.",
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    avoid_duties = checkboxes_field("Hide jobs like these", DUTY_CHOICES)
    needs_support = checkboxes_field("Only show employers who offer", SUPPORT_CHOICES)
    only_ignores_spent_convictions = forms.BooleanField(
        label="Only show employers who ignore spent convictions",
        required=False,
    )

    def preferences(self) -> FairChancePreferences:
        data = self.cleaned_data
        return FairChancePreferences(
            only_checks_after_offer=data["only_checks_after_offer"],
            highest_check_level=data["highest_check_level"],
            avoid_duties=tuple(data["avoid_duties"]),
            needs_support=tuple(data["needs_support"]),
            only_ignores_spent_convictions=data["only_ignores_spent_convictions"],
        )

    @staticmethod
    def initial_from(preferences: FairChancePreferences | None) -> dict:
        if preferences is None:
            return {"highest_check_level": ""}
        return preferences.to_dict()
