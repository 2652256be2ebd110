"""The apply form and the forms employers use to move applicants.

None of them asks about convictions, and employers can't add questions: there
is no question builder.
"""

from __future__ import annotations

from django import forms

from candidates.cv import cv_kind
from candidates.forms import cv_field

from .models import Stage
from .services import BULK_STAGES, EMPLOYER_MOVES

NOTE_MAX = 2000
PROFILE, UPLOAD, NONE = "profile", "upload", "none"
NO_CV = "Apply without a CV"


def note_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=NOTE_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": f"Keep it to {NOTE_MAX} characters or fewer."},
    )


class ApplyForm(forms.Form):
    """A CV is welcome but never required: many people we serve have none yet, and
    the note alone is a complete application. The form and `application_create`
    agree on that."""

    cover_note = note_field(
        "A short note to the employer",
        "Why you want this job and what you would bring. A few lines are enough.",
    )
    cv_source = forms.ChoiceField(
        label="Which CV do you want to send?",
        widget=forms.RadioSelect,
        choices=[(PROFILE, "The CV on my profile"), (UPLOAD, "Upload a CV"), (NONE, NO_CV)],
        error_messages={
            "required": "Choose which CV to send.",
            "invalid_choice": "Choose which CV to send.",
        },
    )
    cv = cv_field(label="Your CV", required=False)
    keep_on_profile = forms.BooleanField(
        label="Keep this CV on my profile, so I can send it with one click next time",
        required=False,
        initial=True,
    )

    def __init__(self, *args, profile_cv_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_profile_cv = profile_cv_date is not None
        if self.has_profile_cv:
            self.fields["cv_source"].choices = [
                (PROFILE, f"The CV on my profile (uploaded {profile_cv_date:%-d %B %Y})"),
                (UPLOAD, "Upload a different CV"),
                (NONE, NO_CV),
            ]
            self.fields["cv_source"].initial = PROFILE
            self.fields["cv"].label = "Your CV (only if you upload a different one)"
            del self.fields["keep_on_profile"]
        else:
            del self.fields["cv_source"]
            self.fields["cv"].help_text = (
                "If you have no CV, leave this empty: your note is enough to apply. "
                + self.fields["cv"].help_text
            )

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        if upload:
            cv_kind(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        chose_upload = self.has_profile_cv and cleaned.get("cv_source") == UPLOAD
        if chose_upload and not cleaned.get("cv") and "cv" not in self.errors:
            self.add_error(
                "cv", "Choose the CV to upload, or choose to send the one on your profile."
            )
        return cleaned

    @property
    def send_cv(self) -> bool:
        """False when the person chose to apply without a CV."""
        return self.cleaned_data.get("cv_source") != NONE

    @property
    def upload(self):
        """The uploaded CV to send, or None (the profile's CV, if any, or none)."""
        if self.has_profile_cv and self.cleaned_data.get("cv_source") != UPLOAD:
            return None
        return self.cleaned_data.get("cv")

    @property
    def keep_upload(self) -> bool:
        """Whether to keep the uploaded CV on the profile too (offered only to
        people without one there)."""
        return bool(self.upload and self.cleaned_data.get("keep_on_profile"))


STAGE_CHOICES = [(stage.value, stage.label) for stage in Stage if stage in EMPLOYER_MOVES]
MESSAGE_HELP = (
    "We send it to the applicant with the news. Please don't ask about a criminal "
    "record unless you have made a conditional offer."
)


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label="Move to",
        choices=[("", "Choose a stage"), *STAGE_CHOICES],
        error_messages={
            "required": "Choose the stage to move to.",
            "invalid_choice": "Choose a stage from the list.",
        },
    )
    message = note_field("Message to the applicant", MESSAGE_HELP)
    offer_is_conditional = forms.BooleanField(
        label=(
            "For an offer: I confirm the offer is conditional, and any record check will "
            "be judged on this person's own circumstances"
        ),
        required=False,
    )


class BulkMoveForm(forms.Form):
    applications = forms.ModelMultipleChoiceField(
        label="Applicants",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one applicant.",
            "invalid_choice": "Choose applicants from the list.",
            "invalid_pk_value": "Choose applicants from the list.",
        },
    )
    stage = forms.ChoiceField(
        label="Move the chosen applicants to",
        choices=[("", "Choose a stage"), *[(s.value, s.label) for s in BULK_STAGES]],
        help_text="Offers are made one person at a time, from each applicant's page.",
        error_messages={
            "required": "Choose the stage to move to.",
            "invalid_choice": "Choose a stage from the list.",
        },
    )
    message = note_field("Message to each applicant", MESSAGE_HELP)

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = applications
        self.fields["applications"].label_from_instance = lambda a: (
            f"{a.applicant_name} ({a.get_stage_display()})"
        )
