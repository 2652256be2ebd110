"""An employer's side of applications: the applicants of a posting, one applicant,
moving them on (one or many), and their CV. Members of the posting's employer only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from candidates.selectors import can_read_cv, profile_for
from candidates.views import private_cv_response
from employers.policy import policy_sentences
from employers.selectors import policy_of
from fairsite.forms import add_service_errors

from ..employer_views import _posting_of
from ..selectors import applications_for_posting, employer_application
from . import services
from .forms import BulkMoveForm, StageForm
from .models import Stage


@login_required
def posting_applicants(request, slug, pk):
    employer, posting = _posting_of(request, slug, pk)
    applications = applications_for_posting(posting)
    movable = applications.exclude(stage__in=[Stage.WITHDRAWN, Stage.HIRED, Stage.REJECTED])
    form = BulkMoveForm(request.POST if request.method == "POST" else None, applications=movable)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.applications_move(
                applications=list(form.cleaned_data["applications"]),
                to=form.cleaned_data["stage"],
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            stage = Stage(form.cleaned_data["stage"]).label
            messages.success(
                request, f"Moved {moved} applicant{'s' if moved != 1 else ''} to “{stage}”."
            )
            return redirect("jobs:applicants", slug=employer.slug, pk=posting.pk)
    return render(
        request,
        "jobs/applicants.html",
        {"employer": employer, "posting": posting, "applications": applications, "form": form},
    )


@login_required
def applicant_detail(request, slug, pk):
    employer, application = employer_application(request.user, slug, pk)
    if request.method == "GET":
        services.application_mark_viewed(application=application, by=request.user)
    form = StageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_move(
                application=application,
                to=form.cleaned_data["stage"],
                by=request.user,
                message=form.cleaned_data["message"],
                offer_is_conditional=form.cleaned_data["offer_is_conditional"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Moved to “{Stage(form.cleaned_data['stage']).label}”.")
            return redirect(application.get_employer_url())
    policy = policy_of(employer)
    return render(
        request,
        "jobs/applicant.html",
        {
            "employer": employer,
            "posting": application.posting,
            "application": application,
            "events": application.events.select_related("actor"),
            "form": form,
            "policy_sentences": policy_sentences(policy),
        },
    )


@never_cache
@login_required
def applicant_cv(request, slug, pk):
    _employer, application = employer_application(request.user, slug, pk)
    profile = profile_for(application.candidate)
    if not application.cv or not can_read_cv(request.user, profile, application=application):
        raise Http404
    return private_cv_response(application.cv, application.cv_kind)
