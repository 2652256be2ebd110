"""A job seeker's own pages: profile, work history, CV. Each person only ever
reaches their own; pages that name a profile answer 404 to everyone else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairsite.forms import add_service_errors
from fairsite.places.forms import announce_readings
from jobs.search.visitor_places import visitor_country

from . import services
from .cv import CONTENT_TYPES
from .forms import CvForm, ProfileForm
from .history_forms import (
    MAX_ENTRIES,
    EducationFormSet,
    ExperienceFormSet,
    initial_from,
    with_added_form,
)
from .selectors import profile_completeness, profile_for, readable_cv, readable_profile

ADD_BUTTONS = {"add_experience": "experience", "add_education": "education"}


@login_required
def profile_edit(request):
    profile = profile_for(request.user)
    form = ProfileForm(
        posted_data(request),
        initial=ProfileForm.initial_from(profile),
        place_country=visitor_country(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_save(user=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your profile is saved.")
            announce_readings(request, form)
            return redirect("accounts:dashboard")
    return render(request, "candidates/profile_form.html", {"form": form, "profile": profile})


@login_required
def experience_edit(request):
    """Jobs and training on one page; "Add another" saves, then shows a blank entry.

    Pressing "Add another" checks and saves what is there (so nothing typed is
    lost), then comes back with one more empty entry. With a problem, the page
    comes back with every entry as typed, the messages, and the empty entry.
    """
    profile = profile_for(request.user)
    if request.method == "POST":
        adding = next(
            (prefix for button, prefix in ADD_BUTTONS.items() if button in request.POST), ""
        )
        data = with_added_form(request.POST, adding) if adding else request.POST
        experience = ExperienceFormSet(data, prefix="experience")
        education = EducationFormSet(data, prefix="education")
        if experience.is_valid() and education.is_valid():
            try:
                services.history_save(
                    user=request.user,
                    experience=experience.entries(),
                    education=education.entries(),
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if adding:
                    return redirect(f"{reverse('candidates:experience')}?add={adding}#{adding}-new")
                messages.success(request, "Your jobs and training are saved.")
                return redirect("accounts:dashboard")
    else:
        adding = request.GET.get("add", "")
        experience_rows = list(profile.experience.all()) if profile else []
        education_rows = list(profile.education.all()) if profile else []
        experience = ExperienceFormSet(
            prefix="experience",
            initial=initial_from(experience_rows),
            extra=int(adding == "experience" or not experience_rows),
        )
        education = EducationFormSet(
            prefix="education",
            initial=initial_from(education_rows),
            extra=int(adding == "education" or not education_rows),
        )
    return render(
        request,
        "candidates/experience_form.html",
        {
            "experience": experience,
            "education": education,
            "error_forms": [experience, education],
            "max_entries": MAX_ENTRIES,
            "adding": adding,
        },
    )


@login_required
def cv_manage(request):
    profile = profile_for(request.user)
    form = CvForm(posted_data(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cv_save(user=request.user, upload=form.cleaned_data["cv"])
        except ValidationError as error:
            form.add_error("cv", error.messages)
        else:
            messages.success(request, "Your CV is saved. Only you can see it.")
            return redirect("candidates:cv")
    return render(request, "candidates/cv.html", {"form": form, "profile": profile})


@login_required
@require_POST
def cv_remove(request):
    if services.cv_delete(user=request.user):
        messages.success(request, "Your CV is deleted.")
    return redirect("candidates:cv")


@never_cache
@login_required
def cv_download(request, public_id):
    profile = readable_cv(request.user, public_id)
    return private_cv_response(profile.cv, profile.cv_kind)


def private_cv_response(cv, kind: str) -> FileResponse:
    """A stored CV as a download that no browser sniffs, renders or caches."""
    response = FileResponse(
        cv.open("rb"),
        as_attachment=True,
        filename=f"cv.{kind}",
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    # never_cache says no-cache; a CV must not be stored by any cache at all.
    response["Cache-Control"] = "no-store, private, max-age=0"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@login_required
def profile_detail(request, public_id):
    profile = readable_profile(request.user, public_id)
    is_owner = profile.user_id == request.user.pk
    return render(
        request,
        "candidates/profile_detail.html" if is_owner else "candidates/profile_for_employer.html",
        {
            "profile": profile,
            "completeness": profile_completeness(profile),
            "experience": profile.experience.all(),
            "education": profile.education.all(),
        },
    )


def posted_data(request):
    """The posted data, even when empty (an empty POST still means "save this")."""
    return request.POST if request.method == "POST" else None
