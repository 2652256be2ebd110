"""Where employers write and manage their postings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from employers.policy import policy_sentences
from employers.selectors import member_employer, policy_of
from fairsite.forms import add_service_errors
from fairsite.places.forms import announce_readings

from . import services
from .forms import PostingForm
from .models import JobPosting, Status
from .selectors import application_counts


def _posting_of(request, slug, pk):
    employer, _membership = member_employer(request.user, slug)
    posting = get_object_or_404(JobPosting, pk=pk, employer=employer)
    return employer, posting


@login_required
def posting_new(request, slug):
    employer, _membership = member_employer(request.user, slug)
    policy = policy_of(employer)
    form = PostingForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.posting_create(
                employer=employer, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your draft is saved. Check it, then send it for review.")
            announce_readings(request, form)
            return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
    return render(
        request,
        "jobs/posting_form.html",
        {"form": form, "employer": employer, "policy": policy},
    )


@login_required
def posting_edit(request, slug, pk):
    employer, posting = _posting_of(request, slug, pk)
    if posting.status not in services.EDITABLE:
        messages.error(
            request, "This posting can't be changed any more. Relist it to post it again."
        )
        return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
    form = PostingForm(
        request.POST or None, initial=PostingForm.initial_from(posting), policy=policy_of(employer)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.posting_update(posting=posting, by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your changes are saved.")
            announce_readings(request, form)
            return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
    return render(
        request,
        "jobs/posting_form.html",
        {"form": form, "employer": employer, "posting": posting, "policy": policy_of(employer)},
    )


@login_required
def posting_preview(request, slug, pk):
    employer, posting = _posting_of(request, slug, pk)
    policy = policy_of(employer)
    moves = services.available_moves(posting)
    return render(
        request,
        "jobs/posting_preview.html",
        {
            "employer": employer,
            "posting": posting,
            "policy": policy,
            "policy_sentences": policy_sentences(policy),
            "flags": services.wording_flags(posting),
            "events": posting.events.select_related("actor"),
            "application_count": application_counts([posting]).get(posting.pk, 0),
            "moves": moves,
            "action_buttons": [
                (a, label, style) for a, label, style, move in ACTION_BUTTONS if move in moves
            ],
        },
    )


@login_required
@require_POST
def posting_submit(request, slug, pk):
    employer, posting = _posting_of(request, slug, pk)
    try:
        services.posting_submit(
            posting=posting, by=request.user, accept_flags=request.POST.get("accept_flags") == "yes"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if posting.status == Status.PUBLISHED:
            messages.success(request, "Your posting is live.")
        else:
            messages.success(request, "Thank you. An editor will review your posting soon.")
    return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)


ACTIONS = {
    "pause": (services.posting_pause, "Your posting is paused. It is hidden until you resume it."),
    "resume": (services.posting_resume, "Your posting is live again."),
    "filled": (services.posting_mark_filled, "Marked as filled. The posting is no longer shown."),
    "close": (services.posting_close, "Your posting is closed."),
}
# (URL action, button text, style, the service's move name)
ACTION_BUTTONS = [
    ("pause", "Pause", "button--secondary", "pause"),
    ("resume", "Resume", "button--secondary", "resume"),
    ("filled", "Mark as filled", "button--secondary", "mark as filled"),
    ("relist", "Relist", "", "relist"),
    ("close", "Close", "button--warning", "close"),
]


@login_required
@require_POST
def posting_action(request, slug, pk, action):
    employer, posting = _posting_of(request, slug, pk)
    if action == "relist":
        try:
            copy = services.posting_relist(posting=posting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
        messages.success(request, "We have made a new draft from this posting. Check the dates.")
        return redirect("jobs:edit", slug=employer.slug, pk=copy.pk)
    if action not in ACTIONS:
        messages.error(request, "That is not something you can do to a posting.")
        return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
    if (
        action == "close"
        and posting.status in services.LIVE
        and request.POST.get("confirm") != "yes"
    ):
        # Closing is for good and tells waiting applicants: a second step, no JavaScript.
        return render(
            request,
            "jobs/posting_close_confirm.html",
            {
                "employer": employer,
                "posting": posting,
                "waiting": application_counts([posting]).get(posting.pk, 0),
            },
        )
    service, done = ACTIONS[action]
    try:
        service(posting=posting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("jobs:preview", slug=employer.slug, pk=posting.pk)
