"""The profile form and the CV upload form."""

from __future__ import annotations

from django import forms

from fairsite.places.forms import PlaceField
from jobs.forms import CredentialsField, SkillsField
from jobs.models import Category, Currency, EmploymentType, SalaryPeriod

from .cv import CONTENT_TYPES, MAX_CV_BYTES, cv_kind, too_big_message
from .models import Availability, CandidateKind, CandidateProfile, TravelRadius

PROFILE_FIELDS = (
    "kind",
    "headline",
    "summary",
    "skills",
    "desired_categories",
    "employment_types",
    "travel_radius",
    "remote_ok",
    "salary_floor",
    "salary_period",
    "salary_currency",
    "availability",
    "is_discoverable",
)
CHOOSE_FROM_LIST = "Choose from the list."

KIND_CHOICES = [
    (CandidateKind.JOB_SEEKER, "I am looking for a job"),
    (
        CandidateKind.REENTRY_PROFESSIONAL,
        "I work in reentry, for example in probation, case management or peer support",
    ),
    (CandidateKind.BOTH, "Both"),
]


def checkboxes_field(label: str, choices, **kwargs) -> forms.MultipleChoiceField:
    """Optional tick boxes whose error never repeats what was sent."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
        **kwargs,
    )


class ProfileForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which describes you?",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what describes you.",
            "invalid_choice": CHOOSE_FROM_LIST,
        },
    )
    headline = forms.CharField(
        max_length=120,
        required=False,
        help_text="One line about you, for example: Forklift driver with 5 years in warehouses.",
    )
    summary = forms.CharField(
        label="About you",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences about the work you have done and what you are good at.",
    )
    skills = SkillsField(
        required=False,
        max_length=1500,
        help_text="Separate skills with commas, for example: forklift, stock control, cooking.",
    )
    credentials = CredentialsField(label="Credentials you hold")
    desired_categories = checkboxes_field("Kinds of work you want", Category.choices)
    employment_types = checkboxes_field("Types of work you want", EmploymentType.choices)
    home = PlaceField(
        label="Where you live",
        required=False,
        help_text="A town or city, a US ZIP code or a UK postcode. We use it to find jobs "
        "near you.",
    )
    travel_radius = forms.TypedChoiceField(
        label="How far can you travel to work?",
        coerce=int,
        choices=TravelRadius.choices,
        widget=forms.RadioSelect,
        initial=TravelRadius.TEN,
        error_messages={
            "required": "Choose how far you can travel.",
            "invalid_choice": CHOOSE_FROM_LIST,
        },
    )
    remote_ok = forms.BooleanField(
        label="I would also like jobs I can do from home", required=False
    )
    salary_floor = forms.DecimalField(
        label="The lowest pay you would take",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={
            "min_value": "The lowest pay can't be less than 0.",
            "invalid": "Enter an amount in numbers, for example 15 or 32000.",
            "max_digits": "That amount is too big. Check it and try again.",
            "max_whole_digits": "That amount is too big. Check it and try again.",
            "max_decimal_places": "Use no more than 2 numbers after the decimal point.",
        },
    )
    salary_period = forms.ChoiceField(
        label="Pay per",
        required=False,
        choices=[("", "Choose"), *SalaryPeriod.choices],
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    salary_currency = forms.ChoiceField(
        label="Currency",
        choices=Currency.choices,
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    availability = forms.ChoiceField(
        label="When can you start?",
        required=False,
        choices=Availability.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": CHOOSE_FROM_LIST},
    )
    is_discoverable = forms.BooleanField(
        label="Let employers find me",
        required=False,
        help_text="This is off until you turn it on. When it is on, only staff of employers "
        "our editors have checked can find your profile. They see it when they have a job "
        "that suits you, and can invite you to apply. They never see your CV unless you "
        "apply, and never see your fair-chance preferences.",
    )

    def __init__(self, *args, place_country: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # A shared place name is read in the person's own country first.
        self.fields["home"].prefer_country = place_country

    SECTIONS = (
        ("About you", ("kind", "headline", "summary", "skills", "credentials")),
        (
            "The work you want",
            ("desired_categories", "employment_types", "home", "travel_radius", "remote_ok"),
        ),
        (
            "Pay and start date",
            ("salary_floor", "salary_period", "salary_currency", "availability"),
        ),
        ("Being found", ("is_discoverable",)),
    )

    def sections(self) -> list[tuple[str, list]]:
        """The fields in headed groups, for the template."""
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def clean(self):
        cleaned = super().clean()
        no_period = cleaned.get("salary_floor") is not None and not cleaned.get("salary_period")
        if no_period and "salary_period" not in self.errors:
            self.add_error("salary_period", "Say if the pay is per hour, day, week, month or year.")
        return cleaned

    def service_arguments(self) -> dict:
        """The fields, home place and credentials that profile_save takes."""
        data = self.cleaned_data
        fields = {name: data[name] for name in PROFILE_FIELDS}
        fields["salary_period"] = fields["salary_period"] or ""
        return {
            "fields": fields,
            "home": data["home"],
            "credentials": list(data["credentials"]),
        }

    @staticmethod
    def initial_from(profile: CandidateProfile | None) -> dict:
        if profile is None:
            return {"kind": CandidateKind.JOB_SEEKER, "travel_radius": TravelRadius.TEN}
        initial = {name: getattr(profile, name) for name in PROFILE_FIELDS}
        initial["credentials"] = list(profile.credentials.all())
        home = getattr(profile, "home", None)
        initial["home"] = home.label if home else ""
        return initial


def cv_field(*, label: str = "Your CV", required: bool = True) -> forms.FileField:
    """The CV upload field, the same wherever a CV is sent (the CV page, applying)."""
    return forms.FileField(
        label=label,
        required=required,
        help_text="A PDF or a Word document (.docx), up to 5 MB.",
        widget=forms.FileInput(
            attrs={"accept": ",".join([".pdf", ".docx", *CONTENT_TYPES.values()])}
        ),
        error_messages={
            "required": "Choose your CV to upload.",
            "empty": "This file is empty. Choose your CV.",
            "invalid": "Choose your CV to upload.",
        },
    )


class CvForm(forms.Form):
    cv = cv_field()

    def clean_cv(self):
        upload = self.cleaned_data["cv"]
        if upload.size > MAX_CV_BYTES:
            raise forms.ValidationError(too_big_message(upload.size))
        self.cv_kind = cv_kind(upload)
        return upload
