from django import forms
from django.core.validators import URLValidator

from fairsite.places import Place, PlaceLookupError
from fairsite.places.forms import resolve_place

from .models import (
    CheckLevel,
    CheckTiming,
    CompanySize,
    Incentive,
    Industry,
    MemberRole,
    OffenceCategory,
    Pledge,
    RoleType,
    Support,
)
from .record_questions import refuse_record_question

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_PLACES = 10


class WebAddressField(forms.URLField):
    """A web page's address: http or https only, never javascript:, data: or ftp:."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": "Enter a web address that starts with http:// or https://",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class LocationsField(forms.CharField):
    """Places typed one per line, each turned into a point by the gazetteer.

    Cleans to a list of dicts with the fields of a Location model. A line that
    can't be found gets its own message; a name several places share is read
    as the likeliest (``resolve_place``), and `readings` keeps how, for the
    page to say.
    """

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        self.readings = []
        kwargs.setdefault(
            "help_text",
            "A town or city, a US ZIP code or a UK postcode. Put each place on its own line.",
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(item["label"] if isinstance(item, dict) else item for item in value)
        return value

    def clean(self, value):
        value = super().clean(value)
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        if len(lines) > MAX_PLACES:
            raise forms.ValidationError(f"List at most {MAX_PLACES} places.")
        locations, errors, self.readings = [], [], []
        for line in lines:
            try:
                reading = resolve_place(line)
            except PlaceLookupError as problem:
                errors.append(problem.message)
                continue
            self.readings.append(reading)
            locations.append(location_from_place(reading.place))
        if errors:
            raise forms.ValidationError(errors)
        return locations


def location_from_place(place: Place) -> dict:
    """The fields of a Location model for a place the gazetteer found."""
    postal_code = {"zip": place.label.split(" ")[0], "postcode": place.name}.get(place.kind, "")
    return {
        "label": place.label,
        "locality": place.town if place.kind == "postcode" else place.name,
        "region": place.admin1,
        "postal_code": postal_code,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


class EmployerForm(forms.Form):
    name = forms.CharField(
        label="Organisation name", max_length=150, validators=[refuse_record_question]
    )
    website = WebAddressField(required=False, max_length=200)
    industry = forms.ChoiceField(choices=[("", "Choose an industry"), *Industry.choices])
    size = forms.ChoiceField(
        label="How many people work there", choices=[("", "Choose a size"), *CompanySize.choices]
    )
    about = forms.CharField(
        label="About your organisation",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="A few plain sentences: what you do and what working with you is like.",
        validators=[refuse_record_question],
    )
    locations = LocationsField(label="Where you hire", required=False)
    logo = forms.ImageField(
        required=False,
        help_text="A PNG, JPEG or WebP image, up to 2 MB.",
        error_messages={
            "invalid_image": "The logo must be an image: a PNG, JPEG or WebP file.",
        },
    )

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > MAX_LOGO_BYTES:
            raise forms.ValidationError("The logo is too big. Choose an image of 2 MB or less.")
        image = getattr(logo, "image", None)
        if image is not None and image.format not in {"PNG", "JPEG", "WEBP"}:
            raise forms.ValidationError("The logo must be a PNG, JPEG or WebP image.")
        return logo


def _exclusion_choices():
    return [
        (
            role.label,
            [(f"{role.value}:{offence.value}", offence.label) for offence in OffenceCategory],
        )
        for role in RoleType
    ]


class PolicyForm(forms.Form):
    check_timing = forms.ChoiceField(
        label="When do you check criminal records?",
        choices=CheckTiming.choices,
        widget=forms.RadioSelect,
    )
    check_level = forms.ChoiceField(
        label="What level of check do you usually use?",
        choices=CheckLevel.choices,
        widget=forms.RadioSelect,
        help_text="In the UK these are the DBS levels. In the US, choose the nearest.",
    )
    ignores_spent_convictions = forms.BooleanField(
        label="We ignore spent convictions", required=False
    )
    support = forms.MultipleChoiceField(
        label="Support you offer",
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    pledges = forms.MultipleChoiceField(
        label="Pledges you have signed",
        choices=Pledge.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    incentives = forms.MultipleChoiceField(
        label="Hiring incentives you use (US)",
        choices=Incentive.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    exclusions = forms.MultipleChoiceField(
        label="Offences the law rules out for some roles",
        choices=_exclusion_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only tick these where a law says so for that kind of role.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("check_timing") == CheckTiming.NEVER and cleaned.get("check_level") not in (
            None,
            CheckLevel.NONE,
        ):
            self.add_error(
                "check_level", "You said you never check records, so choose 'No check' here."
            )
        return cleaned

    def policy_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "check_timing",
                "check_level",
                "ignores_spent_convictions",
                "support",
                "pledges",
                "incentives",
            )
        }

    def exclusion_pairs(self) -> list[tuple[str, str]]:
        return [tuple(value.split(":", 1)) for value in self.cleaned_data["exclusions"]]


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Their email address")
    role = forms.ChoiceField(
        choices=MemberRole.choices,
        initial=MemberRole.RECRUITER,
        widget=forms.RadioSelect,
        help_text="Recruiters post roles and review applicants. Owners can also change the "
        "policy and the team.",
    )
