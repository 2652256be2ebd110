"""The case worker's side: their caseload, one person's page, saving and preparing.

Every page that shows a person's data takes the grant from `selectors.grant_for`
with the permission it needs; nothing here reads a seeker's data another way.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from candidates.selectors import can_read_cv, profile_for
from candidates.views import private_cv_response
from fairsite.forms import add_service_errors
from jobs.models import JobPosting

from . import case_work, cv_shares, selectors, services
from .caseload import caseload_rows, person_context
from .forms import JobNoteForm, OrganisationChoiceForm, PrepareForm
from .models import EmailInvitation, Permission, SharedCv


@login_required
def caseload(request, code_form=None):
    organisations = selectors.verified_reentry_organisations_of(request.user)
    code_form = code_form or OrganisationChoiceForm(organisations=organisations)
    return render(
        request,
        "partners/caseload.html",
        {
            "rows": caseload_rows(request.user),
            "organisations": selectors.reentry_organisations_of(request.user),
            "verified": organisations.exists(),
            "codes": selectors.open_codes_of(request.user),
            "code_form": code_form,
            "form": code_form,
        },
        status=400 if code_form.errors else 200,
    )


@login_required
@require_POST
def code_create(request):
    organisations = selectors.verified_reentry_organisations_of(request.user)
    form = OrganisationChoiceForm(request.POST, organisations=organisations)
    if not organisations.exists():
        form.add_error(None, "Your organisation must be verified before you can help people.")
    elif form.is_valid():
        try:
            code = services.code_create(
                case_worker=request.user, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Your new code is {code.code}. Give it to the person.")
            return redirect("partners:caseload")
    return caseload(request, code_form=form)


@login_required
def invitation_accept(request, token):
    invitation = EmailInvitation.objects.filter(token=token).select_related("seeker").first()
    organisations = selectors.verified_reentry_organisations_of(request.user)
    form = OrganisationChoiceForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    refusal = ""
    if invitation is None or not invitation.is_open():
        refusal = "This invitation has been used or has expired. Ask for a new one."
    elif invitation.email.lower() != request.user.email.lower():
        refusal = (
            "This invitation was sent to a different email address. Sign in with that "
            "address to accept it."
        )
    elif not organisations.exists():
        refusal = "To accept, you need to belong to a reentry organisation that we have verified."
    if not refusal and request.method == "POST" and form.is_valid():
        try:
            grant = services.invitation_accept(
                token=token,
                case_worker=request.user,
                organisation=form.cleaned_data["organisation"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "You can now help this person, as they chose.")
            return redirect("partners:person", public_id=grant.public_id)
    return render(
        request,
        "partners/invitation_accept.html",
        {"invitation": invitation if not refusal else None, "refusal": refusal, "form": form},
        status=400 if form.errors or (refusal and request.method == "POST") else 200,
    )


@login_required
def person(request, public_id):
    grant = selectors.grant_for(request.user, public_id)
    context = person_context(grant)
    case_work.record_visit(grant=grant)
    return render(request, "partners/person.html", context)


@login_required
def shared_cv(request, public_id):
    """The copy of their CV the person shared, if they did and the access works now."""
    grant = selectors.grant_for(request.user, public_id)
    shared = SharedCv.objects.filter(grant=grant).first()
    if shared is None or not can_read_cv(
        request.user, profile_for(grant.seeker), shared_copy=shared
    ):
        raise Http404
    cv_shares.cv_downloaded(shared=shared)
    return private_cv_response(shared.cv, shared.cv_kind)


def _visible_posting(posting_id: int) -> JobPosting:
    return get_object_or_404(JobPosting.objects.visible().select_related("employer"), pk=posting_id)


@login_required
def save_job(request, public_id, posting_id):
    grant = selectors.grant_for(request.user, public_id, Permission.SAVE_JOBS)
    posting = _visible_posting(posting_id)
    form = JobNoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case_work.job_save_for(grant=grant, posting=posting, note=form.cleaned_data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved “{posting.title}” to their list, with your note.")
            return redirect("partners:person", public_id=grant.public_id)
    return render(
        request,
        "partners/save_job.html",
        {"grant": grant, "posting": posting, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def prepare(request, public_id, posting_id):
    grant = selectors.grant_for(request.user, public_id, Permission.SAVE_JOBS)
    posting = _visible_posting(posting_id)
    form = PrepareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case_work.application_prepare(
                grant=grant,
                posting=posting,
                note=form.cleaned_data["note"],
                cv_choice=form.cleaned_data["cv_choice"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"The application for “{posting.title}” is ready. We have emailed them to "
                "check it and send it themselves.",
            )
            return redirect("partners:person", public_id=grant.public_id)
    return render(
        request,
        "partners/prepare.html",
        {"grant": grant, "posting": posting, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def stop(request, public_id):
    grant = selectors.grant_for(request.user, public_id)
    services.grant_end(grant=grant, by=request.user)
    messages.success(request, "You no longer have access. We have told them.")
    return redirect("partners:caseload")
