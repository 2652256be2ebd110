"""The apply form and the forms employers use to move applicants.

None of them asks about convictions, and employers can't add questions: there
is no question builder.
"""

from __future__ import annotations

from django import forms

from candidates.cv import cv_kind
from candidates.forms import cv_field

from .application_models import Stage
from .application_services import BULK_STAGES, EMPLOYER_MOVES

NOTE_MAX = 2000
PROFILE, UPLOAD = "profile", "upload"


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
    cover_note = note_field(
        "A short note to the employer",
        "Why you want this job and what you would bring. A few lines are enough.",
    )
    cv_source = forms.ChoiceField(
        label="Which CV do you want to send?",
        widget=forms.RadioSelect,
        choices=[(PROFILE, "The CV on my profile"), (UPLOAD, "Upload a CV")],
        error_messages={
            "required": "Choose which CV to send.",
            "invalid_choice": "Choose which CV to send.",
        },
    )
    cv = cv_field(required=False)

    def __init__(self, *args, profile_cv_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_profile_cv = profile_cv_date is not None
        if self.has_profile_cv:
            self.fields["cv_source"].choices = [
                (PROFILE, f"The CV on my profile (uploaded {profile_cv_date:%-d %B %Y})"),
                (UPLOAD, "Upload a different CV"),
            ]
            self.fields["cv_source"].initial = PROFILE
            self.fields["cv"].label = "Your CV (only if you upload a different one)"
        else:
            del self.fields["cv_source"]

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        if upload:
            cv_kind(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        wants_upload = not self.has_profile_cv or cleaned.get("cv_source") == UPLOAD
        if wants_upload and not cleaned.get("cv") and "cv" not in self.errors:
            self.add_error("cv", "Choose your CV to upload.")
        return cleaned

    @property
    def upload(self):
        """The uploaded CV to send, or None to send the profile's."""
        if self.has_profile_cv and self.cleaned_data.get("cv_source") == PROFILE:
            return None
        return self.cleaned_data["cv"]


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
            f"{a.candidate} ({a.get_stage_display()})"
        )
