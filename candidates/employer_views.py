"""What employers see of candidates: the people matched to one of their postings,
and the invitation to apply. Nothing here reads anyone's fair-chance preferences.

Only members of a verified employer get past `_verified_members_only`; members of an
organisation no editor has checked get a page saying so, with no one on it.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from employers.selectors import may_find_candidates, member_employer
from fairsite.search.client import SearchUnavailable
from jobs.models import JobPosting

from . import services
from .employer_matching import matches_for_posting
from .invite_forms import InviteForm
from .models import ApplyInvitation, CandidateProfile
from .selectors import already_applied_refusal, applications_by_profile

logger = logging.getLogger(__name__)


def _verified_members_only(view):
    """The view, given the organisation and its posting, for members of a verified
    employer; anyone else gets a 404 (not a member) or a page saying why (403)."""

    @login_required
    @wraps(view)
    def wrapped(request, slug, pk, **kwargs):
        employer, _membership = member_employer(request.user, slug)
        posting = get_object_or_404(JobPosting, pk=pk, employer=employer)
        if not may_find_candidates(request.user, employer):
            return render(
                request,
                "candidates/finding_needs_verification.html",
                {"employer": employer, "posting": posting},
                status=403,
            )
        return view(request, employer, posting, **kwargs)

    return wrapped


@_verified_members_only
def posting_candidates(request, employer, posting):
    matches, unavailable = [], False
    if posting.is_visible:
        try:
            matches = matches_for_posting(posting)
        except SearchUnavailable as error:
            logger.warning("Matched candidates unavailable: %s", error)
            unavailable = True
    invited = set(
        ApplyInvitation.objects.filter(posting=posting).values_list("profile_id", flat=True)
    )
    applied = applications_by_profile(posting)
    return render(
        request,
        "candidates/posting_candidates.html",
        {
            "employer": employer,
            "posting": posting,
            # Each match with its application to this job, if they applied.
            "matches": [(match, applied.get(match.profile.pk)) for match in matches],
            "invited": invited,
            "unavailable": unavailable,
        },
    )


@_verified_members_only
def invite(request, employer, posting, public_id):
    profile = CandidateProfile.objects.discoverable().filter(public_id=public_id).first()
    if profile is None:
        raise Http404
    if refusal := already_applied_refusal(posting, profile):
        return render(
            request,
            "candidates/invite_form.html",
            {"employer": employer, "posting": posting, "profile": profile, "refusal": refusal},
            status=200 if request.method == "GET" else 409,
        )
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_to_apply(
                posting=posting,
                profile=profile,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(
                request, "Your invitation is on its way. They decide whether to apply."
            )
            return redirect("candidates:posting-candidates", slug=employer.slug, pk=posting.pk)
    return render(
        request,
        "candidates/invite_form.html",
        {"employer": employer, "posting": posting, "profile": profile, "form": form},
    )
