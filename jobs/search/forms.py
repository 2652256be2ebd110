"""The search page's form: the URL's parameters, checked, as a PostingQuery.

A bad parameter (an unknown facet value, a negative radius, a place we can't
find, page 10,000) gets a message in the error summary; the search still runs
with the parameters that were fine, so the page is never a dead end. A place
name several places share is not a bad parameter: it is read as the likeliest
(``resolve_place``) and searched with its radius, and `place_reading` keeps the
others for the page to offer.

The words are read before the search is built (``jobs.search.understanding``):
filler left out, intent phrases turned into filters. The URL keeps what was
typed; ``keep`` turns readings off. Everything that searches postings from
parameters (the page, the API, feeds, saving an alert) reads them here.
"""

from collections.abc import Callable

from django import forms

from employers.models import CheckLevel
from fairsite.places.forms import PlaceField
from fairsite.search.word_countries import word_country

from ..models import Category, Credential, Currency, EmploymentType, Workplace
from .pay import SALARY_BANDS, offered_salary_bands
from .queries import (
    DEFAULT_RADIUS,
    FACETS,
    FLAGS,
    MAX_PAGE,
    RADII_MILES,
    Near,
    PostingQuery,
)
from .understanding import KEEP_CHOICES, Understanding, credential_names, understand

CHOOSE = "Choose one of the options in the list."


def _fixed(choices) -> Callable[[], list]:
    """Choices written in the code, given as a function that returns them.

    Django deep-copies every field of a form for each new form, and with it
    a list of choices and each pair in it; a function is copied as it is. The
    search form is made on every search page, where copying its fixed lists
    was about half of making the form.
    """
    fixed = list(choices)
    return lambda: fixed


def _choice(label, choices, **kwargs):
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=_fixed([("", "Any"), *choices]),
        error_messages={"invalid_choice": CHOOSE},
        **kwargs,
    )


class PayField(forms.ChoiceField):
    """A pay band: any band's key is accepted (old links and saved alerts keep
    the currency-blind ones), while the choices offered are those of the
    country being searched (``SearchForm.offer_pay``)."""

    def valid_value(self, value) -> bool:
        return any(str(value) == band.key for band in SALARY_BANDS)


def near_place(place, *, radius_miles: int, include_remote: bool = True) -> Near:
    """A search's place (a fairsite.places Place) and radius."""
    return Near(
        place.latitude,
        place.longitude,
        radius_miles,
        place.label,
        country=place.country,
        region=place.admin1,
        include_remote=include_remote,
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Job title, skill or employer",
        required=False,
        max_length=200,
        error_messages={"max_length": "Use fewer words: up to 200 letters and spaces."},
    )
    place = PlaceField(label="Town, ZIP code or postcode", required=False, max_length=100)
    radius = forms.TypedChoiceField(
        label="Distance",
        required=False,
        coerce=int,
        choices=_fixed((r, f"Within {r} miles") for r in RADII_MILES),
        initial=DEFAULT_RADIUS,
        error_messages={"invalid_choice": "Choose a distance from the list."},
    )
    category = _choice("Category", Category.choices)
    employment_type = _choice("Type of work", EmploymentType.choices)
    workplace = _choice("Where the work happens", Workplace.choices)
    check_level = _choice("Level of record check", CheckLevel.choices)
    credential = _choice("Credential", [])
    salary = PayField(
        label="Pay", required=False, error_messages={"invalid_choice": CHOOSE}, choices=[]
    )
    after_offer = forms.BooleanField(
        label="Only employers who check records after an offer, or never", required=False
    )
    verified = forms.BooleanField(label="Only verified fair-chance employers", required=False)
    hide_remote = forms.BooleanField(
        label="Hide remote jobs (show only jobs within the distance)", required=False
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=_fixed(
            [
                ("relevance", "Best match"),
                ("newest", "Newest"),
                ("nearest", "Nearest"),
                ("salary", "Highest pay"),
                ("for_you", "Best for you"),
            ]
        ),
        error_messages={"invalid_choice": CHOOSE},
    )
    keep = forms.MultipleChoiceField(
        required=False,
        choices=_fixed((key, key) for key in KEEP_CHOICES),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "invalid_choice": "We could not tell how to read your words, so we read them as usual."
        },
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "That page number is not a number.",
            "min_value": "Pages start at 1.",
            "max_value": f"We show at most {MAX_PAGE} pages. Narrow your search to see more.",
        },
    )

    def __init__(
        self, *args, can_sort_for_you: bool = False, place_country: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if self.is_bound and not self.data.get("radius"):
            # A search without a distance (from the home page, a link, a feed) is
            # searched within DEFAULT_RADIUS: the form shows that distance too, so
            # the next search doesn't quietly narrow to the first in the list.
            self.data = self.data.copy()
            self.data["radius"] = str(DEFAULT_RADIUS)
        # The visitor's own country, when known (jobs.search.visitor_places); else
        # their words' country, when the words are distinctly one country's.
        self.fields["place"].prefer_country = place_country
        self.fields["place"].hint_country = self.words_country
        # "Best for you" ranks by the signed-in person's own profile.
        self.can_sort_for_you = can_sort_for_you
        credentials = list(Credential.objects.order_by("name"))
        self.fields["credential"].choices = [
            ("", "Any"),
            *((c.slug, c.short_name) for c in credentials),
        ]
        self.credential_names = credential_names(credentials)
        # Read once for the page: its facet's labels come from here too.
        self.credential_labels = {c.slug: c.short_name for c in credentials}
        self.offer_pay(place_country)
        self.understanding = Understanding(typed="", text="")
        # The filters chosen in the URL, as opposed to read from the words.
        self.chosen_filters: dict[str, str] = {}
        self.chosen_flags: frozenset[str] = frozenset()

    def clean(self):
        cleaned = super().clean()
        found = cleaned.get("place")
        cleaned["near"] = None
        if found is not None:
            cleaned["near"] = near_place(
                found,
                radius_miles=cleaned.get("radius") or DEFAULT_RADIUS,
                include_remote=not cleaned.get("hide_remote"),
            )
            self.offer_pay(found.country)
        if cleaned.get("sort") == "for_you" and not self.can_sort_for_you:
            self.add_error("sort", "To sort jobs for you, sign in and make a profile first.")
        wants_nearest = cleaned.get("sort") == "nearest"
        if wants_nearest and cleaned["near"] is None and "place" not in self.errors:
            self.add_error("sort", "To sort by distance, enter a town, ZIP code or postcode.")
        return cleaned

    def offer_pay(self, country: str | None) -> None:
        """Offer the pay bands in the currency of the country being searched (the
        place's, else the visitor's own), or every currency's, each in its group,
        when neither is known. A band chosen in the address is offered too."""
        groups = offered_salary_bands(country)
        self.offered_pay = [band.key for bands in groups.values() for band in bands]
        choices: list = [("", "Any")]
        for code, bands in groups.items():
            pairs = [(band.key, band.label) for band in bands]
            choices += pairs if len(groups) == 1 else [(Currency(code).label, pairs)]
        chosen = str((self.data if self.is_bound else self.initial).get("salary") or "")
        if chosen not in self.offered_pay:
            choices += [(band.key, band.label) for band in SALARY_BANDS if band.key == chosen]
        self.fields["salary"].choices = choices

    @property
    def place_reading(self):
        """How the place was read (a PlaceReading), once the form is checked."""
        return self.fields["place"].reading

    def words_country(self) -> str | None:
        """When the visitor's own country is unknown (no earlier choice, no
        profile): the country whose words they typed ("carer": GB), if any."""
        if self.fields["place"].preferred_country() is not None or not self.is_bound:
            return None
        return word_country(str(self.data.get("q") or "")[:200])

    def to_query(self) -> PostingQuery:
        """The search to run: the valid parameters, with anything invalid left out."""
        if not self.is_bound:
            return PostingQuery()
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        self.chosen_filters = chosen = {name: data[name] for name in FACETS if data.get(name)}
        self.chosen_flags = chosen_flags = frozenset(name for name in FLAGS if data.get(name))
        self.understanding = understood = understand(
            data.get("q", ""),
            chosen_filters=chosen,
            chosen_flags=chosen_flags,
            keep=frozenset(data.get("keep") or ()),
            credentials=self.credential_names,
        )
        return PostingQuery(
            text=understood.text,
            near=data.get("near"),
            filters={**chosen, **understood.filters},
            flags=chosen_flags | understood.flags,
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
        )

    @property
    def kept_readings(self) -> frozenset[str]:
        """The readings turned off (valid ones only)."""
        if not self.is_bound or "keep" in self.errors:
            return frozenset()
        return frozenset(self.cleaned_data.get("keep") or ())
