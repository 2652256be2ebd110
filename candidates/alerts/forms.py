"""The alert form: the search page's own fields, plus a name and how often to email.

It is a SearchForm, so an alert's search is read exactly as the search page
reads it (the same choices, the same place lookup). The search page posts it as
hidden fields plus "how often"; when anything is wrong the same form is shown
with every field visible, so the person sees what to fix and loses nothing.
"""

from __future__ import annotations

from django import forms

from jobs.models import Credential
from jobs.search.forms import DEFAULT_RADIUS, SearchForm
from jobs.search.queries import PostingQuery
from jobs.search.understanding import credential_names, understand

from .models import Alert, Frequency

FREQUENCY_ERROR = "Choose how often we email you: as soon as a job is posted, daily or weekly."
NAME_LENGTH = Alert._meta.get_field("name").max_length


class AlertForm(SearchForm):
    name = forms.CharField(
        label="Name of this alert",
        required=False,
        max_length=NAME_LENGTH,
        help_text="So you can tell your alerts apart. If you leave it empty, we use the search.",
        error_messages={
            "max_length": f"Use a shorter name: up to {NAME_LENGTH} letters and spaces."
        },
    )
    frequency = forms.ChoiceField(
        label="How often should we email you?",
        choices=Frequency.choices,
        initial=Frequency.INSTANT,
        widget=forms.RadioSelect,
        error_messages={"required": FREQUENCY_ERROR, "invalid_choice": FREQUENCY_ERROR},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An alert is a search, never a page of it or an order.
        del self.fields["sort"]
        del self.fields["page"]

    def to_query(self) -> PostingQuery:
        """The saved search; call once the form is valid."""
        query = super().to_query()
        return PostingQuery(
            text=query.text, near=query.near, filters=query.filters, flags=query.flags
        )


def alert_initial(alert: Alert) -> dict:
    """The form's starting values for changing ``alert``."""
    query = alert.query
    # The saved words are already read; any reading they would still get was
    # turned off when the search was saved, and stays off.
    again = understand(
        query.text,
        chosen_filters=query.filters,
        chosen_flags=query.flags,
        credentials=credential_names(Credential.objects.all()),
    )
    return {
        "q": query.text,
        "place": query.near.label if query.near else "",
        "radius": query.near.radius_miles if query.near else DEFAULT_RADIUS,
        "hide_remote": bool(query.near and not query.near.include_remote),
        **query.filters,
        **dict.fromkeys(query.flags, True),
        "keep": [reading.key for reading in again.readings],
        "name": alert.name,
        "frequency": alert.frequency,
    }
