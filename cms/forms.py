"""The site's forms: the GET filters and search of its pages (all optional, all in
the URL), and one page editor form."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from employers.models import Industry, Pledge, Support
from fairsite.places.forms import PlaceField
from fairsite.places.lookup import country_code

MILES_CHOICES = [(str(n), f"{n} miles") for n in (5, 10, 25, 50, 100)]
DEFAULT_MILES = 25


class EmployerDirectoryForm(forms.Form):
    industry = forms.ChoiceField(
        required=False,
        choices=[("", "Any industry"), *Industry.choices],
        error_messages={"invalid_choice": "Choose an industry from the list."},
    )
    place = PlaceField(
        label="Near",
        required=False,
        help_text="A town or city, a ZIP code or a postcode.",
    )
    # The country of a place chosen from the "Showing ..." line (jobs.search.visitor_places).
    place_country = forms.CharField(required=False, widget=forms.HiddenInput)
    miles = forms.TypedChoiceField(
        label="Distance",
        required=False,
        choices=MILES_CHOICES,
        coerce=int,
        empty_value=DEFAULT_MILES,
        initial=str(DEFAULT_MILES),
        error_messages={"invalid_choice": "Choose a distance from the list."},
    )
    after_offer = forms.BooleanField(
        label="Only employers who check records after an offer, or never", required=False
    )
    support = forms.MultipleChoiceField(
        label="Support they offer",
        required=False,
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose support from the list."},
    )
    pledges = forms.MultipleChoiceField(
        label="Pledges they have signed",
        required=False,
        choices=Pledge.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose pledges from the list."},
    )

    def clean_place_country(self):
        # Only ever set by our own links; anything else means no country.
        return country_code(self.cleaned_data.get("place_country")) or ""


class GuideFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label="Guides for",
        required=False,
        choices=[],
        error_messages={"invalid_choice": "Choose who the guides are for from the list."},
    )
    tag = forms.SlugField(
        required=False,
        max_length=100,
        error_messages={"invalid": "That topic is not one of ours. Choose one from the list."},
    )

    def __init__(self, *args, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", "Everyone"), *audiences]


class CredentialPlaceForm(forms.Form):
    """The place box on a credential page: its open roles, nearest first."""

    place = PlaceField(
        label="Near",
        required=False,
        help_text="A town or city, a ZIP code or a postcode. We list the nearest jobs first.",
    )


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        required=False,
        max_length=200,
        error_messages={"max_length": "Use 200 characters or fewer."},
    )


class CredentialPageForm(WagtailAdminPageForm):
    """Editors must choose the credential, though a copied page starts without one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credential"].required = True
        self.fields["credential"].error_messages["required"] = (
            "Choose the credential this page is about."
        )
