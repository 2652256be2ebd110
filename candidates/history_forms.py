"""Forms for a person's work history and training: repeating sections that work
without JavaScript ("Add another" is a submit button; see views.experience)."""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError

from .models import EducationEntry, ExperienceEntry, Period

MAX_ENTRIES = 20
MIN_YEAR = 1940
MONTHS = [(str(number), calendar.month_name[number]) for number in range(1, 13)]
WHOLE_DATE = "Enter both the month and the year, for example March 2021."


class MonthWidget(forms.MultiWidget):
    """A month list and a year box, each with its own visible label."""

    template_name = "candidates/widgets/month.html"

    def __init__(self, attrs=None):
        widgets = {
            "month": forms.Select(choices=[("", "Choose a month"), *MONTHS]),
            "year": forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": "4", "class": "input--year"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.month), str(value.year)]
        return [None, None]


class MonthField(forms.MultiValueField):
    """A month of a year, cleaned to the first day of that month."""

    widget = MonthWidget
    default_error_messages = {"required": WHOLE_DATE, "incomplete": WHOLE_DATE}

    def __init__(self, **kwargs):
        fields = (
            forms.ChoiceField(
                choices=MONTHS,
                required=False,
                error_messages={"invalid_choice": "Choose a month from the list."},
            ),
            forms.IntegerField(
                required=False,
                min_value=MIN_YEAR,
                max_value=2100,
                error_messages={
                    "invalid": "Enter the year as 4 numbers, for example 2021.",
                    "min_value": f"Enter a year from {MIN_YEAR} on.",
                    "max_value": "Enter a real year, for example 2021.",
                },
            ),
        )
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        month, year = [*data_list, None, None][:2]
        if month in (None, "") and year is None:
            return None
        if month in (None, "") or year is None:
            raise ValidationError(WHOLE_DATE, code="incomplete")
        return datetime.date(year, int(month), 1)


class PeriodForm(forms.Form):
    """One entry; the model's own rules (end after start, not in the future) run here too."""

    model: type[Period] = Period
    PERIOD_FIELDS = ("started_on", "ended_on", "is_current")

    def clean(self):
        cleaned = super().clean()
        probe = self.model(**{name: cleaned.get(name) for name in self.PERIOD_FIELDS})
        try:
            probe.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name not in self.errors:
                    self.add_error(name, messages)
        return cleaned

    def entry_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.entry_field_names}


class ExperienceForm(PeriodForm):
    model = ExperienceEntry
    entry_field_names = ("employer", "title", "started_on", "ended_on", "is_current")

    employer = forms.CharField(
        max_length=150,
        help_text="The business or organisation. If you worked for yourself, write "
        "'Self-employed'.",
    )
    title = forms.CharField(label="Job title", max_length=150)
    started_on = MonthField(label="When you started")
    ended_on = MonthField(
        label="When you left", required=False, help_text="Leave empty if you still work here."
    )
    is_current = forms.BooleanField(label="I still work here", required=False)


class EducationForm(PeriodForm):
    model = EducationEntry
    entry_field_names = ("provider", "qualification", "started_on", "ended_on", "is_current")

    provider = forms.CharField(
        label="School, college or training provider",
        max_length=150,
        help_text="Training inside prison or on probation counts too.",
    )
    qualification = forms.CharField(
        label="Course or qualification",
        max_length=150,
        help_text="For example: Forklift licence, GCSE English, Level 2 Food Hygiene.",
    )
    started_on = MonthField(label="When you started", required=False)
    ended_on = MonthField(
        label="When you finished",
        required=False,
        help_text="Leave empty if you are still doing it.",
    )
    is_current = forms.BooleanField(label="I am still doing this", required=False)


class EntryFormSet(forms.BaseFormSet):
    """Entries in the order shown; `extra` blank ones for "Add another"."""

    default_error_messages = {
        "too_many_forms": "You can list up to %(num)d. Remove one before you add another.",
    }

    def __init__(self, *args, extra: int = 0, **kwargs):
        self.extra = extra
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this"

    def entries(self) -> list[dict]:
        """The kept, filled-in entries, as fields for the services."""
        return [
            form.entry_fields()
            for index, form in enumerate(self.forms)
            if (index < self.initial_form_count() or form.has_changed())
            and not self._should_delete_form(form)
        ]


def _formset(form_class):
    return forms.formset_factory(
        form_class,
        formset=EntryFormSet,
        can_delete=True,
        can_delete_extra=False,
        max_num=MAX_ENTRIES,
        validate_max=True,
        absolute_max=MAX_ENTRIES + 5,
    )


ExperienceFormSet = _formset(ExperienceForm)
EducationFormSet = _formset(EducationForm)


def initial_from(entries) -> list[dict]:
    return [
        {name: getattr(entry, name) for name in ("started_on", "ended_on", "is_current")}
        | {
            name: getattr(entry, name)
            for name in ("employer", "title", "provider", "qualification")
            if hasattr(entry, name)
        }
        for entry in entries
    ]


def with_added_form(data, prefix: str) -> dict:
    """A copy of the posted data with room for one more entry ("Add another")."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + 1, MAX_ENTRIES))
    return data
