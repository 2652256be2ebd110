"""The job seeker's side: who may help them, what they did, and ending it.

Plain forms and POST buttons, so every step works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from candidates.selectors import profile_for
from fairsite.forms import add_service_errors
from fairsite.rate_limits import count_request
from jobs.applications.services import AlreadyApplied, ApplyNotAllowed, application_create

from . import case_work, cv_shares, selectors, services
from .forms import CodeForm, InviteByEmailForm, ShareCvForm, send_form
from .models import EmailInvitation

# Codes are short enough to read aloud: a few tries a minute per person, so they
# can't be guessed.
CODE_TRIES_A_MINUTE = 5


def _access_page(request, *, invite_form=None, code_form=None, share_form=None, status=200):
    user = request.user
    invite_form = invite_form or InviteByEmailForm(prefix="invite")
    code_form = code_form or CodeForm(prefix="code")
    grants = list(selectors.grants_given_by(user).select_related("shared_cv"))
    current = set(selectors.current_grants_given_by(user).values_list("pk", flat=True))
    choices = [(cv.value, cv.label) for cv in cv_shares.shareable_cvs(user)]
    for grant in grants:
        if share_form is not None and share_form.prefix == _share_prefix(grant):
            grant.share_form = share_form
        else:
            grant.share_form = ShareCvForm(prefix=_share_prefix(grant), choices=choices)
    return render(
        request,
        "partners/access.html",
        {
            "current_grants": [g for g in grants if g.pk in current],
            "past_grants": [g for g in grants if g.pk not in current],
            "invitations": selectors.open_invitations_from(user),
            "prepared": selectors.open_prepared_for(user),
            "notes": selectors.job_notes_for_seeker(user)[:20],
            "activity": selectors.activity_for_seeker(user),
            "invite_form": invite_form,
            "code_form": code_form,
            "error_forms": [invite_form, code_form, share_form],
        },
        status=status,
    )


@login_required
def access(request):
    return _access_page(request)


@login_required
@require_POST
def invite(request):
    form = InviteByEmailForm(request.POST, prefix="invite")
    if form.is_valid():
        try:
            services.invitation_send(
                seeker=request.user,
                email=form.cleaned_data["email"],
                permissions=form.permissions,
                months=form.cleaned_data["months"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"We have emailed {form.cleaned_data['email']}. Their access starts when "
                "they accept, and we will email you then.",
            )
            return redirect("partners:access")
    return _access_page(request, invite_form=form, status=400)


@login_required
@require_POST
def redeem_code(request):
    form = CodeForm(request.POST, prefix="code")
    tries = count_request(f"partners.code:{request.user.pk}")
    if tries.count > CODE_TRIES_A_MINUTE:
        form.is_valid()
        form.add_error("code", "You have tried too many codes. Wait a minute and try again.")
        return _access_page(request, code_form=form, status=429)
    if form.is_valid():
        try:
            grant = services.code_redeem(
                seeker=request.user,
                code=form.cleaned_data["code"],
                permissions=form.permissions,
                months=form.cleaned_data["months"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            name = grant.case_worker.get_full_name() or grant.case_worker.email
            messages.success(request, f"{name} can now help you, as you chose.")
            return redirect("partners:access")
    return _access_page(request, code_form=form, status=400)


@login_required
@require_POST
def end(request, public_id):
    grant = get_object_or_404(selectors.grants_given_by(request.user), public_id=public_id)
    services.grant_end(grant=grant, by=request.user)
    messages.success(request, "Access has ended. They can't see or do anything for you now.")
    return redirect("partners:access")


def _share_prefix(grant) -> str:
    return f"cv-{grant.pk}"


@login_required
@require_POST
def share_cv(request, public_id):
    """Share a copy of one of the seeker's CVs with a case worker who can help them now."""
    grant = get_object_or_404(selectors.current_grants_given_by(request.user), public_id=public_id)
    choices = [(cv.value, cv.label) for cv in cv_shares.shareable_cvs(request.user)]
    form = ShareCvForm(request.POST, prefix=_share_prefix(grant), choices=choices)
    if form.is_valid():
        try:
            cv_shares.cv_share(grant=grant, by=request.user, choice=form.cleaned_data["cv"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "They can now download a copy of your CV. You can take it back here."
            )
            return redirect("partners:access")
    return _access_page(request, share_form=form, status=400)


@login_required
@require_POST
def withdraw_cv(request, public_id):
    grant = get_object_or_404(selectors.grants_given_by(request.user), public_id=public_id)
    if cv_shares.cv_withdraw(grant=grant, by=request.user):
        messages.success(request, "You took back the copy of your CV. They can't download it now.")
    return redirect("partners:access")


@login_required
@require_POST
def invitation_cancel(request, pk):
    invitation = get_object_or_404(EmailInvitation, pk=pk, seeker=request.user, used_at=None)
    services.invitation_cancel(invitation=invitation, by=request.user)
    messages.success(request, "The invitation is cancelled. Its link no longer works.")
    return redirect("partners:access")


@login_required
def prepared(request, pk):
    """An application a case worker got ready: the seeker checks it and sends it, or not."""
    prepared = selectors.own_prepared(request.user, pk)
    profile = profile_for(request.user)
    profile_cv_date = profile.cv_uploaded_at.date() if profile and profile.cv else None
    posting_refusal = ""
    if request.method == "POST":
        form = send_form(prepared, request.POST, request.FILES, profile_cv_date=profile_cv_date)
        if form.is_valid():
            try:
                with transaction.atomic():
                    application = application_create(
                        posting=prepared.posting,
                        candidate=request.user,
                        cover_note=form.cleaned_data["cover_note"],
                        upload=form.upload,
                        send_cv=form.send_cv,
                        keep_upload=form.keep_upload,
                    )
                    case_work.prepared_mark_sent(prepared=prepared, application=application)
            except AlreadyApplied as already:
                case_work.prepared_mark_sent(prepared=prepared, application=already.application)
                messages.info(request, "You have already applied for this job.")
                return redirect(already.application)
            except ApplyNotAllowed as refusal:
                posting_refusal = " ".join(refusal.messages)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, "Your application is sent. We will email you when it moves on."
                )
                return redirect(application)
    else:
        form = send_form(prepared, profile_cv_date=profile_cv_date)
    return render(
        request,
        "partners/prepared.html",
        {"prepared": prepared, "form": form, "posting_refusal": posting_refusal},
        status=400 if form.errors or posting_refusal else 200,
    )


@login_required
@require_POST
def prepared_dismiss(request, pk):
    prepared = selectors.own_prepared(request.user, pk)
    case_work.prepared_dismiss(prepared=prepared, by=request.user)
    messages.success(request, "Set aside. Nothing was sent.")
    return redirect("partners:access")
