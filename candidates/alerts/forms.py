"""Forms for saving a search as an alert and for changing an alert."""

from __future__ import annotations

from django import forms

from jobs.search_forms import SearchForm
from jobs.search_queries import PostingQuery

from .models import Alert, Frequency

FREQUENCY_ERROR = "Choose how often we email you: as soon as a job is posted, daily or weekly."


def _frequency_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="How often should we email you?",
        choices=Frequency.choices,
        initial=Frequency.INSTANT,
        widget=forms.RadioSelect,
        error_messages={"required": FREQUENCY_ERROR, "invalid_choice": FREQUENCY_ERROR},
    )


class AlertSaveForm(SearchForm):
    """The search page's own parameters (read exactly as the search page reads them),
    plus how often to email. Any parameter that is not right is an error here: an
    alert is saved only for the search as it was shown."""

    frequency = _frequency_field()

    def to_query(self) -> PostingQuery:
        """The saved search, without page or sort order; call once the form is valid."""
        query = super().to_query()
        return PostingQuery(
            text=query.text, near=query.near, filters=query.filters, flags=query.flags
        )


class AlertEditForm(forms.ModelForm):
    frequency = _frequency_field()

    class Meta:
        model = Alert
        fields = ["name", "frequency"]
        labels = {"name": "Name of this alert"}
        help_texts = {"name": "So you can tell your alerts apart, in your email and here."}
        error_messages = {
            "name": {
                "required": "Enter a name for this alert.",
                "max_length": "Use a shorter name: up to 100 letters and spaces.",
            }
        }
