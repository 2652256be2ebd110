import datetime

from django import forms
from django.utils import timezone

from employers.forms import LocationsField, WebAddressField
from employers.models import CheckLevel, CheckTiming, FairChancePolicy
from employers.record_questions import refuse_record_question
from fairsite.richtext import clean_rich_text, editable_text, html_to_plain_text

from .models import (
    DUTIES,
    ApplicationMethod,
    Category,
    Credential,
    Currency,
    EmploymentType,
    ExperienceLevel,
    JobPosting,
    OpenToCountry,
    SalaryPeriod,
    Workplace,
    open_to_regions,
)

MAX_SKILLS = 20
PROBED_FIELDS = [
    "salary_min",
    "salary_max",
    "salary_period",
    "application_method",
    "apply_url",
    "apply_email",
    "check_timing",
    "check_level",
]
MAX_DAYS_OPEN = 120


class CredentialsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Credential.objects.order_by("name"))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": "Choose credentials from the list; '%(value)s' is not one of them."},
        )
        super().__init__(**kwargs)


class SkillsField(forms.CharField):
    """Skills typed with commas between them, cleaned to a list of short strings."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def clean(self, value):
        value = super().clean(value)
        skills, seen = [], set()
        for raw in (value or "").replace("\n", ",").split(","):
            skill = " ".join(raw.split())[:60]
            if skill and skill.lower() not in seen:
                seen.add(skill.lower())
                skills.append(skill)
        if len(skills) > MAX_SKILLS:
            raise forms.ValidationError(f"List at most {MAX_SKILLS} skills.")
        return skills


def _blank(choices, text):
    return [("", text), *choices]


class PostingForm(forms.Form):
    title = forms.CharField(label="Job title", max_length=140, validators=[refuse_record_question])
    description = forms.CharField(
        label="About the job",
        max_length=20_000,
        validators=[refuse_record_question],
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=(
            "What the person will do, the hours, and what you offer. Leave a blank line "
            "between paragraphs. Start a line with - to make a list."
        ),
    )
    category = forms.ChoiceField(choices=_blank(Category.choices, "Choose a category"))
    employment_type = forms.ChoiceField(
        label="Type of work", choices=EmploymentType.choices, widget=forms.RadioSelect
    )
    workplace = forms.ChoiceField(
        label="Where the work happens", choices=Workplace.choices, widget=forms.RadioSelect
    )
    locations = LocationsField(label="Where the job is", required=False)
    # Shown under "Remote" (and, without JavaScript, always, saying so).
    open_to_country = forms.ChoiceField(
        label="Country people can work from",
        required=False,
        choices=_blank(OpenToCountry.choices, "Choose a country"),
        help_text="Needed for a remote job: people must live in this country to do it.",
        error_messages={"invalid_choice": "Choose the United States or the United Kingdom."},
    )
    open_to_region = forms.ChoiceField(
        label="State or nation people can work from",
        required=False,
        choices=[],
        help_text="For a remote job. Leave it as 'Anywhere in the country' unless people "
        "must live in one state or nation.",
        error_messages={"invalid_choice": "Choose a state or nation from the list."},
    )
    salary_min = forms.DecimalField(
        label="Pay from", required=False, min_value=0, max_digits=10, decimal_places=2
    )
    salary_max = forms.DecimalField(
        label="Pay up to", required=False, min_value=0, max_digits=10, decimal_places=2
    )
    salary_period = forms.ChoiceField(
        label="Pay per", required=False, choices=_blank(SalaryPeriod.choices, "Choose")
    )
    salary_currency = forms.ChoiceField(label="Currency", choices=Currency.choices)
    skills = SkillsField(
        required=False,
        max_length=1500,
        help_text="Separate skills with commas, for example: forklift, stock control.",
    )
    required_credentials = CredentialsField(label="Credentials this job requires")
    preferred_credentials = CredentialsField(label="Credentials that would help")
    experience_level = forms.ChoiceField(
        label="Experience needed", choices=ExperienceLevel.choices, widget=forms.RadioSelect
    )
    duties = forms.MultipleChoiceField(
        label="This job involves",
        required=False,
        choices=list(DUTIES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick any that apply. People can leave out jobs they can't do.",
    )
    check_timing = forms.ChoiceField(
        label="When you check criminal records for this job",
        choices=CheckTiming.choices,
        widget=forms.RadioSelect,
    )
    check_level = forms.ChoiceField(
        label="The level of check for this job",
        choices=CheckLevel.choices,
        widget=forms.RadioSelect,
    )
    application_method = forms.ChoiceField(
        label="How people apply", choices=ApplicationMethod.choices, widget=forms.RadioSelect
    )
    apply_url = WebAddressField(
        label="Web address of your application page", required=False, max_length=500
    )
    apply_email = forms.EmailField(label="Email address for applications", required=False)
    closing_date = forms.DateField(
        label="Closing date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=f"Leave empty to close it {JobPosting.DEFAULT_DAYS_OPEN} days after it goes "
        "live. Format: year-month-day, for example 2027-03-31.",
        error_messages={"invalid": "Enter the date as year-month-day, for example 2027-03-31."},
    )

    def __init__(self, *args, policy: FairChancePolicy | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["open_to_region"].choices = [
            ("", "Anywhere in the country"),
            *(
                (OpenToCountry(country).label, list(open_to_regions(country).items()))
                for country in OpenToCountry.values
            ),
        ]
        if policy is not None and not self.is_bound:
            self.initial.setdefault("check_timing", policy.check_timing)
            self.initial.setdefault("check_level", policy.check_level)
        self.initial.setdefault("workplace", Workplace.ON_SITE)
        self.initial.setdefault("employment_type", EmploymentType.FULL_TIME)
        self.initial.setdefault("experience_level", ExperienceLevel.NONE)
        self.initial.setdefault("application_method", ApplicationMethod.ON_SITE)

    def clean_skills(self):
        skills = self.cleaned_data["skills"]
        refuse_record_question(", ".join(skills))  # as the model reads them
        return skills

    def clean_description(self):
        html = clean_rich_text(self.cleaned_data["description"])
        if not html_to_plain_text(html).strip():
            raise forms.ValidationError("Describe the job in a few sentences.")
        return html

    def clean_closing_date(self):
        closing = self.cleaned_data.get("closing_date")
        if closing is None:
            return None
        today = timezone.localdate()
        if closing <= today:
            raise forms.ValidationError("The closing date must be in the future.")
        if closing > today + datetime.timedelta(days=MAX_DAYS_OPEN):
            raise forms.ValidationError(
                f"The closing date can be at most {MAX_DAYS_OPEN} days from today."
            )
        return closing

    def clean(self):
        cleaned = super().clean()
        # The posting's own rules (pay range, how to apply, checks), run here too
        # so every problem shows at once, next to its field.
        probe = JobPosting(**{name: cleaned.get(name) for name in PROBED_FIELDS if name in cleaned})
        for rule in (
            probe.clean,
            lambda: JobPosting.clean_locations(cleaned.get("workplace"), cleaned.get("locations")),
            lambda: JobPosting.clean_open_to(
                cleaned.get("workplace"),
                cleaned.get("open_to_country") or "",
                cleaned.get("open_to_region") or "",
            ),
        ):
            try:
                rule()
            except forms.ValidationError as error:
                for name, messages in error.message_dict.items():
                    if name not in self.errors:
                        self.add_error(name, messages)
        both = set(cleaned.get("required_credentials") or []) & set(
            cleaned.get("preferred_credentials") or []
        )
        if both:
            names = ", ".join(c.short_name for c in both)
            self.add_error(
                "preferred_credentials",
                f"{names} is already required; untick it here or there.",
            )
        return cleaned

    def service_arguments(self) -> dict:
        """The fields, locations and credentials the posting services take."""
        data = self.cleaned_data
        closing = data["closing_date"]
        fields = {
            name: data[name]
            for name in (
                "title",
                "description",
                "category",
                "employment_type",
                "workplace",
                "salary_min",
                "salary_max",
                "salary_period",
                "salary_currency",
                "skills",
                "experience_level",
                "duties",
                "check_timing",
                "check_level",
                "application_method",
                "apply_url",
                "apply_email",
                "open_to_country",
                "open_to_region",
            )
        }
        fields["salary_period"] = fields["salary_period"] or ""
        if fields["workplace"] != Workplace.REMOTE:
            # Only a remote job is open to a country; typed-in values are left out.
            fields["open_to_country"] = fields["open_to_region"] = ""
        fields["expires_at"] = (
            datetime.datetime.combine(closing, datetime.time.max, tzinfo=datetime.UTC)
            if closing
            else None
        )
        return {
            "fields": fields,
            "locations": data["locations"],
            "credentials": {
                "required": list(data["required_credentials"]),
                "preferred": list(data["preferred_credentials"]),
            },
        }

    @classmethod
    def initial_from(cls, posting: JobPosting) -> dict:
        initial = {
            name: getattr(posting, name)
            for name in cls.base_fields
            if hasattr(posting, name) and name not in {"locations", "closing_date"}
        }
        initial["description"] = editable_text(posting.description)
        initial["locations"] = [loc.label for loc in posting.locations.all()]
        initial["required_credentials"] = list(posting.required_credentials.all())
        initial["preferred_credentials"] = list(posting.preferred_credentials.all())
        if posting.expires_at:
            initial["closing_date"] = posting.expires_at.date()
        return initial
