"""A candidate's side of applying: the apply form, their applications, withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from candidates.selectors import profile_for
from fairsite.accounts.sign_in_reasons import says_why
from fairsite.forms import add_service_errors

from ..models import ApplicationMethod, JobPosting
from ..selectors import (
    applications_of,
    own_application,
    similar_open_postings,
    visible_posting,
)
from . import services
from .forms import ApplyForm


def _closed(request, posting: JobPosting, refusal: str):
    """The page instead of the form: it says why, links to open jobs like this one,
    and answers a POST with 409 (nothing was sent)."""
    location = posting.locations.first()
    return render(
        request,
        "jobs/apply_closed.html",
        {
            "posting": posting,
            "refusal": refusal,
            "place": location.label if location else "",
            "similar": similar_open_postings(posting),
        },
        status=200 if request.method == "GET" else 409,
    )


def _apply_reason(pk, slug) -> str:
    posting = visible_posting(pk)
    if posting is None:
        return "Sign in or create an account to apply for jobs."
    return f"Sign in or create an account to apply for {posting.title} at {posting.employer.name}."


@says_why(_apply_reason)
@login_required
def apply(request, pk, slug):
    posting = get_object_or_404(JobPosting.objects.select_related("employer"), pk=pk)
    existing = applications_of(request.user).filter(posting=posting).first()
    if existing is not None:
        messages.info(request, "You have already applied for this job.")
        return redirect(existing)
    if posting.published_at is None:
        raise Http404  # never published: only its employer knows it exists
    if posting.application_method != ApplicationMethod.ON_SITE:
        return redirect(f"{posting.get_absolute_url()}#apply-heading")
    if refusal := services.apply_refusal(posting):
        return _closed(request, posting, refusal)
    profile = profile_for(request.user)
    profile_cv_date = profile.cv_uploaded_at if profile and profile.cv else None
    form = ApplyForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        profile_cv_date=profile_cv_date and profile_cv_date.date(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                posting=posting,
                candidate=request.user,
                cover_note=form.cleaned_data["cover_note"],
                upload=form.upload,
                send_cv=form.send_cv,
                keep_upload=form.keep_upload,
            )
        except services.AlreadyApplied as already:
            messages.info(request, "You have already applied for this job.")
            return redirect(already.application)
        except services.ApplyNotAllowed as refusal:
            # It closed while they were filling in the form.
            return _closed(request, posting, " ".join(refusal.messages))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Your application is sent. We will email you when it moves on."
            )
            return redirect(application)
    return render(request, "jobs/apply.html", {"posting": posting, "form": form})


@login_required
def application_list(request):
    return render(
        request, "jobs/applications.html", {"applications": applications_of(request.user)}
    )


@login_required
def application_detail(request, pk):
    application = own_application(request.user, pk)
    return render(
        request,
        "jobs/application.html",
        {"application": application, "events": application.events.all()},
    )


@login_required
@require_POST
def application_withdraw(request, pk):
    application = own_application(request.user, pk)
    try:
        services.application_withdraw(application=application, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, "Your application is withdrawn. The employer can no longer open your CV."
        )
    return redirect(application)
