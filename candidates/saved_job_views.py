"""Saving jobs for later: plain POST forms, so they work without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from jobs.models import JobPosting

from . import services
from .selectors import saved_jobs_of


def _back(request, fallback: str):
    """Back where the button was (a search page, a job), never to another site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
def saved_job_list(request):
    return render(
        request, "candidates/saved_jobs.html", {"saved_jobs": saved_jobs_of(request.user)}
    )


@login_required
@require_POST
def saved_job_add(request, posting_id):
    posting = get_object_or_404(JobPosting.objects.visible(), pk=posting_id)
    try:
        services.saved_job_add(user=request.user, posting=posting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Saved “{posting.title}”. Find it in your saved jobs.")
    return _back(request, posting.get_absolute_url())


@login_required
@require_POST
def saved_job_remove(request, posting_id):
    if services.saved_job_remove(user=request.user, posting_id=posting_id):
        messages.success(request, "Removed from your saved jobs.")
    return _back(request, "candidates:saved-jobs")
