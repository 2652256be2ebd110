"""Forms for giving, taking up and using a case worker's access."""

from __future__ import annotations

from django import forms

from jobs.applications.forms import ApplyForm

from .models import CODE_LENGTH, CvChoice, Months, Permission, PreparedApplication
from .services import normalise_code

CHOOSE_ONE = "Choose at least one thing they may do."


class PermissionsForm(forms.Form):
    """What the case worker may do, and for how long (the seeker chooses)."""

    may_see_matches = forms.BooleanField(label=Permission.MATCHES.label, required=False)
    may_save_jobs = forms.BooleanField(label=Permission.SAVE_JOBS.label, required=False)
    may_get_alerts = forms.BooleanField(label=Permission.ALERTS.label, required=False)
    may_see_applications = forms.BooleanField(label=Permission.APPLICATIONS.label, required=False)
    months = forms.TypedChoiceField(
        label="How long may they help you?",
        help_text="Access ends by itself then. We remind you two weeks before. "
        "You can end it sooner whenever you like.",
        choices=Months.choices,
        coerce=int,
        initial=Months.SIX,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how long they may help you.",
            "invalid_choice": "Choose how long they may help you.",
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"may_see_matches": True, "months": Months.SIX})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(p.value) for p in Permission):
            self.add_error("may_see_matches", CHOOSE_ONE)
        return cleaned

    @property
    def permissions(self) -> dict:
        return {p.value: self.cleaned_data.get(p.value, False) for p in Permission}


class InviteByEmailForm(PermissionsForm):
    email = forms.EmailField(
        label="Your case worker's email address",
        max_length=254,
        error_messages={
            "required": "Enter your case worker's email address.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )
    field_order = ["email"]


class CodeForm(PermissionsForm):
    code = forms.CharField(
        label="The code your case worker gave you",
        help_text=f"{CODE_LENGTH} letters and numbers, like ABCD 2345.",
        max_length=40,
        error_messages={"required": "Enter the code your case worker gave you."},
    )
    field_order = ["code"]

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                f"The code has {CODE_LENGTH} letters and numbers. Check it and try again."
            )
        return code


class OrganisationChoiceForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Which organisation are you helping them for?",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose your organisation.",
            "invalid_choice": "Choose your organisation.",
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].label_from_instance = lambda o: o.employer.name
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first().pk


class JobNoteForm(forms.Form):
    note = forms.CharField(
        label="Your note to them",
        help_text="Why this job could suit them. Only they and you see it, never the employer.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Write a short note to say why this job could suit them.",
            "max_length": "Keep the note to 1000 characters or fewer.",
        },
    )


class PrepareForm(forms.Form):
    note = forms.CharField(
        label="Your note to them",
        help_text="What to say and what to check before they send it. Only they and you "
        "see it: the employer never does. They write their own note to the employer.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Write a note to help them with this application.",
            "max_length": "Keep the note to 2000 characters or fewer.",
        },
    )
    cv_choice = forms.ChoiceField(
        label="CV",
        choices=CvChoice.choices,
        initial=CvChoice.PROFILE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether to send their CV.",
            "invalid_choice": "Choose whether to send their CV.",
        },
    )


def send_form(prepared: PreparedApplication, data=None, files=None, *, profile_cv_date=None):
    """The seeker's own apply form, with the CV their case worker suggested chosen."""
    form = ApplyForm(data, files, profile_cv_date=profile_cv_date)
    if "cv_source" in form.fields and prepared.cv_choice == CvChoice.NONE:
        form.fields["cv_source"].initial = "none"
    return form
