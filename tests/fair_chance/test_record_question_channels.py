"""Every way an employer's words reach a candidate gives the same answer to the
same sentence: each record question in the corpus is refused, next to its field
and in the error summary with what was typed kept, and each innocent sentence
goes through. One test per channel, through the real pages, forms, services and
database; each sentence runs in its own savepoint, rolled back after it.

A walk over the employer-facing forms fails for a free-text field that is
neither driven here nor listed with the reason a candidate never reads it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from candidates import services as candidate_services
from candidates.invite_forms import InviteForm
from candidates.models import ApplyInvitation
from employers import services as employer_services
from employers.forms import EmployerForm
from employers.models import Employer
from employers.record_questions import record_question_in
from fairsite.mail.models import OutgoingEmail
from jobs import services as posting_services
from jobs.applications import services as application_services
from jobs.applications.forms import BulkMoveForm, StageForm
from jobs.applications.models import ApplicationEvent
from jobs.forms import PostingForm
from jobs.models import JobPosting
from tests.factories import (
    ApplicationFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)
from tests.html import assert_form_errors, field_error, form_field
from tests.record_question_corpus import INNOCENT, RECORD_QUESTIONS

pytestmark = pytest.mark.django_db

REFUSAL = "asks about a record"


def posting_data(**changes) -> dict:
    data = {
        "title": "Warehouse operative",
        "description": "Pick and pack orders on day shifts.",
        "category": "warehouse-logistics",
        "employment_type": "full_time",
        "workplace": "remote",
        "open_to_country": "US",
        "salary_currency": "USD",
        "skills": "forklift",
        "experience_level": "none",
        "check_timing": "after_offer",
        "check_level": "basic",
        "application_method": "on_site",
    }
    return {**data, **changes}


@dataclass
class Channel:
    """One place an employer's text goes: how to send a sentence, and how to see it arrived.

    `fields` are the form fields the sentence is typed into, all at once: each must
    show the refusal, or the text must arrive.
    """

    name: str
    form: type[forms.BaseForm]
    fields: Callable[[str], tuple[str, ...]]
    url: Callable[[dict], str]
    data: Callable[[dict, str], dict]
    arrived: Callable[[dict, str], bool]


# A skill is a label of at most this many characters; longer sentences go in the
# title and the text only.
MAX_SKILL = 60


def _posting_fields(text: str) -> tuple[str, ...]:
    text_fields = ("title", "description")
    return (*text_fields, "skills") if len(text) <= MAX_SKILL else text_fields


def _setup(client) -> dict:
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(
        employer=owner.employer, created_by=owner.user, title="Forklift operative"
    )
    application = ApplicationFactory(posting=posting)
    second = ApplicationFactory(posting=posting)
    profile = DiscoverableCandidateFactory()
    client.force_login(owner.user)
    return {
        "owner": owner,
        "employer": owner.employer,
        "posting": posting,
        "application": application,
        "second": second,
        "profile": profile,
    }


def _emailed(to: str, text: str) -> bool:
    return OutgoingEmail.objects.filter(to=[to], body_text__contains=text).exists()


def _candidates_url(ctx) -> str:
    return f"/hire/{ctx['employer'].slug}/matches/{ctx['posting'].pk}/"


def _applicants_url(ctx) -> str:
    return f"/hire/{ctx['employer'].slug}/postings/{ctx['posting'].pk}/applicants/"


def _stage_moved(ctx, text: str, stage: str) -> bool:
    event = ApplicationEvent.objects.filter(application=ctx["application"], to_stage=stage).first()
    return (
        event is not None
        and event.message == text
        and _emailed(ctx["application"].candidate.email, text)
    )


CHANNELS = [
    Channel(
        "posting title, text and skills",
        PostingForm,
        _posting_fields,
        lambda ctx: f"/hire/{ctx['employer'].slug}/postings/new/",
        lambda ctx, text: posting_data(
            title=text,
            description=text,
            skills=text if len(text) <= MAX_SKILL else "forklift",
        ),
        lambda ctx, text: JobPosting.objects.filter(title=text).exists(),
    ),
    Channel(
        "invitation to apply",
        InviteForm,
        lambda text: ("message",),
        lambda ctx: f"{_candidates_url(ctx)}invite/{ctx['profile'].public_id}/",
        lambda ctx, text: {"message": text},
        lambda ctx, text: (
            ApplyInvitation.objects.filter(profile=ctx["profile"], message=text).exists()
            and _emailed(ctx["profile"].user.email, text)
        ),
    ),
    Channel(
        "stage move",
        StageForm,
        lambda text: ("message",),
        lambda ctx: ctx["application"].get_employer_url(),
        lambda ctx, text: {"stage": "interview", "message": text},
        lambda ctx, text: _stage_moved(ctx, text, "interview"),
    ),
    Channel(
        "rejection",
        StageForm,
        lambda text: ("message",),
        lambda ctx: ctx["application"].get_employer_url(),
        lambda ctx, text: {"stage": "rejected", "message": text},
        lambda ctx, text: _stage_moved(ctx, text, "rejected"),
    ),
    Channel(
        "stage move of several",
        BulkMoveForm,
        lambda text: ("message",),
        _applicants_url,
        lambda ctx, text: {
            "applications": [ctx["application"].pk, ctx["second"].pk],
            "stage": "shortlisted",
            "message": text,
        },
        lambda ctx, text: (
            _stage_moved(ctx, text, "shortlisted") and _emailed(ctx["second"].candidate.email, text)
        ),
    ),
    Channel(
        "organisation name and about text",
        EmployerForm,
        lambda text: ("name", "about"),
        lambda ctx: f"/hire/{ctx['employer'].slug}/profile/",
        lambda ctx, text: {
            "name": text,
            "industry": "warehouse-logistics",
            "size": "10-49",
            "about": text,
        },
        lambda ctx, text: Employer.objects.filter(name=text, about=text).exists(),
    ),
]


def _typed_back(page, field: str) -> str:
    element = form_field(page, field)
    return element.get_text() if element.name == "textarea" else element.get("value", "")


def _answers(client, channel: Channel, sentences: list[str]) -> tuple[list[str], list[str]]:
    """(refused, accepted) sentences; a refusal must be shown the accessible way."""
    ctx = _setup(client)
    url = channel.url(ctx)
    refused, accepted = [], []
    for text in sentences:
        with transaction.atomic():
            response = client.post(url, channel.data(ctx, text))
            if response.status_code == 302:
                assert channel.arrived(ctx, text), f"{channel.name}: accepted but lost: {text!r}"
                accepted.append(text)
            else:
                fields = channel.fields(text)
                page = assert_form_errors(response, *fields)
                summary = page.select_one(".error-summary").get_text(" ")
                for field in fields:
                    message = field_error(page, field)
                    assert REFUSAL in message, message
                    assert "Take it out" in message, message
                    typed = _typed_back(page, field).strip()
                    assert typed == text, f"{channel.name}: what was typed is lost: {typed!r}"
                assert summary.count(REFUSAL) == len(fields), summary
                refused.append(text)
            transaction.set_rollback(True)
    return refused, accepted


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.name)
def test_every_record_question_is_refused_on_the_channel(client, channel):
    refused, accepted = _answers(client, channel, RECORD_QUESTIONS)

    assert accepted == [], f"{channel.name} let through {len(accepted)}: {accepted}"
    assert len(refused) == len(RECORD_QUESTIONS) >= 150


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.name)
def test_every_innocent_sentence_goes_through_on_the_channel(client, channel):
    refused, accepted = _answers(client, channel, INNOCENT)

    assert refused == [], f"{channel.name} refused {len(refused)}: {refused}"
    assert len(accepted) == len(INNOCENT) >= 50


# The services, called directly (as the admin, the API and commands would) ----------


def _service_posting_fields(**changes) -> dict:
    fields = posting_data(**changes)
    for name in ("skills",):
        fields[name] = [fields[name]]
    fields["salary_period"] = ""
    return fields


SERVICES = {
    "posting_create": lambda ctx, text: posting_services.posting_create(
        employer=ctx["employer"],
        by=ctx["owner"].user,
        fields=_service_posting_fields(description=text),
        locations=[],
        credentials={},
    ),
    "posting_update": lambda ctx, text: posting_services.posting_update(
        posting=ctx["posting"], by=ctx["owner"].user, fields={"title": text}
    ),
    "invite_to_apply": lambda ctx, text: candidate_services.invite_to_apply(
        posting=ctx["posting"], profile=ctx["profile"], by=ctx["owner"].user, message=text
    ),
    "application_move": lambda ctx, text: application_services.application_move(
        application=ctx["application"], to="rejected", by=ctx["owner"].user, message=text
    ),
    "applications_move": lambda ctx, text: application_services.applications_move(
        applications=[ctx["application"]], to="interview", by=ctx["owner"].user, message=text
    ),
    "employer_create": lambda ctx, text: employer_services.employer_create(
        by=ctx["owner"].user,
        name="Fresh Start Bakery",
        industry="hospitality",
        size="1-9",
        about=text,
    ),
}


@pytest.mark.parametrize("service", SERVICES, ids=str)
def test_the_services_give_the_same_answers_without_the_forms(client, service):
    ctx = _setup(client)
    wrong = []
    for text, is_question in [(q, True) for q in RECORD_QUESTIONS] + [(i, False) for i in INNOCENT]:
        with transaction.atomic():
            try:
                SERVICES[service](ctx, text)
            except ValidationError as error:
                if not is_question or REFUSAL not in " ".join(error.messages):
                    wrong.append((text, error.messages))
            else:
                if is_question:
                    wrong.append((text, "accepted"))
            transaction.set_rollback(True)

    assert wrong == []


def test_a_record_may_be_raised_with_a_conditional_offer(client):
    ctx = _setup(client)
    application = ctx["application"]
    application_services.application_move(
        application=application, to="interview", by=ctx["owner"].user
    )

    application_services.application_move(
        application=application,
        to="offer",
        by=ctx["owner"].user,
        offer_is_conditional=True,
        message="Please tell us about any convictions so we can complete the check.",
    )

    application.refresh_from_db()
    assert application.stage == "offer"


def test_a_record_may_be_named_when_an_offer_is_withdrawn_but_not_before_an_offer(client):
    ctx = _setup(client)
    holder, waiting = ctx["application"], ctx["second"]
    application_services.application_move(application=holder, to="interview", by=ctx["owner"].user)
    application_services.application_move(
        application=holder, to="offer", by=ctx["owner"].user, offer_is_conditional=True
    )
    withdrawn = "Before we decide, please tell us more about the conviction the check showed."
    assert record_question_in(withdrawn)
    question = "Do you have any convictions?"

    with pytest.raises(ValidationError):
        application_services.application_move(
            application=waiting, to="rejected", by=ctx["owner"].user, message=question
        )
    with pytest.raises(ValidationError):
        application_services.applications_move(
            applications=[holder, waiting], to="rejected", by=ctx["owner"].user, message=question
        )
    application_services.application_move(
        application=holder, to="rejected", by=ctx["owner"].user, message=withdrawn
    )

    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert (holder.stage, waiting.stage) == ("rejected", "submitted")


# Every employer-facing form is either a channel above or never read by a candidate ---

# Free-text fields in the employer-facing apps that no candidate reads before an
# offer, each with the reason. A new field that is in neither list fails the walk.
NOT_TO_CANDIDATES = {
    ("jobs.forms.PostingForm", "locations"): "Places found in the gazetteer; its label is shown",
    ("employers.forms.EmployerForm", "locations"): "Places found in the gazetteer",
    ("jobs.applications.forms.ApplyForm", "cover_note"): "Written by the candidate",
    ("jobs.search.forms.SearchForm", "q"): "What a visitor searches for",
    ("jobs.search.forms.SearchForm", "place"): "What a visitor searches for",
    ("jobs.print_views.NewJobsForm", "q"): "What a visitor searches for, to print",
    ("jobs.print_views.NewJobsForm", "place"): "What a visitor searches for, to print",
    ("jobs.widget.WidgetForm", "accent"): "A colour code",
    ("jobs.widget.WidgetForm", "background"): "A colour code",
    ("jobs.widget.WidgetForm", "employer"): "An employer's slug",
    ("jobs.admin_views.RejectForm", "reason"): "An editor's note to the employer",
    ("employers.admin_views.UnverifyForm", "reason"): "An editor's note to the employer",
    ("employers.billing.forms.GrantForm", "reason"): "An editor's note in the billing history",
    ("employers.billing.forms.BuyForm", "next"): "A page address to return to",
    ("candidates.forms.ProfileForm", "headline"): "Written by the candidate",
    ("candidates.forms.ProfileForm", "summary"): "Written by the candidate",
    ("candidates.forms.ProfileForm", "skills"): "Written by the candidate",
    ("candidates.forms.ProfileForm", "home"): "Written by the candidate",
    ("candidates.history_forms.ExperienceForm", "employer"): "Written by the candidate",
    ("candidates.history_forms.ExperienceForm", "title"): "Written by the candidate",
    ("candidates.history_forms.EducationForm", "provider"): "Written by the candidate",
    ("candidates.history_forms.EducationForm", "qualification"): "Written by the candidate",
    ("candidates.alerts.forms.AlertForm", "name"): "Written by the candidate, for themselves",
    ("candidates.alerts.forms.AlertForm", "q"): "Written by the candidate, for themselves",
    ("candidates.alerts.forms.AlertForm", "place"): "Written by the candidate, for themselves",
}
EMPLOYER_FACING_APPS = ("jobs", "candidates", "employers")


def _free_text_fields() -> set[tuple[str, str]]:
    for app in EMPLOYER_FACING_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    found, stack = set(), [forms.BaseForm]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if not cls.__module__.startswith(tuple(f"{app}." for app in EMPLOYER_FACING_APPS)):
            continue
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.CharField) and not isinstance(
                field, forms.EmailField | forms.URLField
            ):
                found.add((f"{cls.__module__}.{cls.__qualname__}", name))
    return found


def test_every_free_text_field_is_a_checked_channel_or_never_reaches_a_candidate():
    checked = {
        (f"{channel.form.__module__}.{channel.form.__qualname__}", field)
        for channel in CHANNELS
        for field in channel.fields("short")
    }

    fields = _free_text_fields()

    assert fields - checked - set(NOT_TO_CANDIDATES) == set(), (
        "A form takes free text that no test checks for record questions: add it to "
        "CHANNELS (and call the record-question check), or to NOT_TO_CANDIDATES with why."
    )
    assert checked <= fields
    assert set(NOT_TO_CANDIDATES) <= fields, "NOT_TO_CANDIDATES names a field that is gone"
