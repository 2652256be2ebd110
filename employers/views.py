from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fairsite.places.forms import announce_readings
from jobs.models import JobPosting, Status
from jobs.selectors import visible_postings_of, with_application_counts

from . import services
from .forms import EmployerForm, InvitationForm, PolicyForm
from .models import Employer, EmployerLocation, Invitation, Membership, VerificationStatus
from .navigation import dashboard_context
from .policy import policy_sentences
from .selectors import member_employer, policy_of, viewable_employer
from .structured_data import organization_json_ld


def employer_detail(request, slug):
    employer, is_public = viewable_employer(request.user, slug)
    policy = policy_of(employer)
    # What the employer's feed and widget list: jobs.selectors.visible_postings_of.
    postings = visible_postings_of(employer)
    return render(
        request,
        "employers/employer_detail.html",
        {
            "employer": employer,
            "policy": policy,
            "policy_sentences": policy_sentences(policy),
            "postings": postings,
            "is_public": is_public,
            "json_ld": organization_json_ld(employer, request=request) if is_public else None,
        },
    )


@login_required
def hire_home(request):
    organisations = dashboard_context(request.user)["organisations"]
    return render(request, "employers/hire_home.html", {"organisations": organisations})


def _error_message(error: ValidationError) -> str:
    return " ".join(error.messages)


def _save_logo_and_locations(employer: Employer, form: EmployerForm, request) -> None:
    announce_readings(request, form)
    if form.cleaned_data.get("logo"):
        employer.logo = form.cleaned_data["logo"]
        employer.save(update_fields=["logo", "updated_at"])
    employer.locations.all().delete()
    EmployerLocation.objects.bulk_create(
        EmployerLocation(employer=employer, **location)
        for location in form.cleaned_data["locations"]
    )


PROFILE_FIELDS = ["name", "website", "industry", "size", "about"]


@login_required
def employer_create(request):
    form = EmployerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            employer = services.employer_create(
                by=request.user, **{name: form.cleaned_data[name] for name in PROFILE_FIELDS}
            )
            _save_logo_and_locations(employer, form, request)
        messages.success(
            request, "Your organisation is set up. Now set out your fair-chance policy."
        )
        return redirect("employers:policy", slug=employer.slug)
    return render(request, "employers/employer_form.html", {"form": form, "creating": True})


@login_required
def employer_edit(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    initial = {name: getattr(employer, name) for name in PROFILE_FIELDS}
    initial["locations"] = [location.label for location in employer.locations.all()]
    form = EmployerForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for name in PROFILE_FIELDS:
                setattr(employer, name, form.cleaned_data[name])
            employer.full_clean()
            employer.save()
            _save_logo_and_locations(employer, form, request)
        messages.success(request, "Your organisation's details are saved.")
        return redirect("employers:dashboard", slug=employer.slug)
    return render(request, "employers/employer_form.html", {"form": form, "employer": employer})


@login_required
def policy_edit(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    policy = policy_of(employer)
    initial = {}
    if policy is not None:
        initial = {name: getattr(policy, name) for name in services.POLICY_FIELDS}
        initial["exclusions"] = [
            f"{e.role_type}:{e.offence_category}" for e in policy.exclusions.all()
        ]
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        was_verified = employer.is_verified
        services.policy_save(
            employer=employer,
            by=request.user,
            fields=form.policy_fields(),
            exclusions=form.exclusion_pairs(),
        )
        employer.refresh_from_db()
        if was_verified and not employer.is_verified:
            messages.warning(
                request,
                "Your policy is saved. Because it changed, an editor will check it again; "
                "the verified badge is off until then.",
            )
        else:
            messages.success(request, "Your fair-chance policy is saved.")
        return redirect("employers:dashboard", slug=employer.slug)
    return render(
        request,
        "employers/policy_form.html",
        {"form": form, "employer": employer, "policy": policy},
    )


@login_required
@require_POST
def request_verification(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    try:
        services.employer_request_verification(employer=employer, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, "Thank you. An editor will check your policy soon.")
    return redirect("employers:dashboard", slug=employer.slug)


@login_required
def employer_dashboard(request, slug):
    employer, membership = member_employer(request.user, slug)
    postings = JobPosting.objects.for_employer(employer).prefetch_related("locations")
    counts = dict(postings.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    status = request.GET.get("status", "")
    # NUL is dropped: PostgreSQL cannot compare text holding it (a 500 there).
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    if status in Status.values:
        postings = postings.filter(status=status)
    if query:
        postings = postings.filter(Q(title__icontains=query) | Q(description__icontains=query))
    return render(
        request,
        "employers/dashboard.html",
        {
            "employer": employer,
            "membership": membership,
            "policy": policy_of(employer),
            "postings": with_application_counts(postings.order_by("-updated_at")),
            "status_counts": [(s, counts.get(s.value, 0)) for s in Status],
            "total": sum(counts.values()),
            "current_status": status,
            "query": query,
            "VerificationStatus": VerificationStatus,
        },
    )


@login_required
def team(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                employer=employer,
                by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(
                request, f"We have emailed an invitation to {form.cleaned_data['email']}."
            )
            return redirect("employers:team", slug=employer.slug)
    return render(
        request,
        "employers/team.html",
        {
            "employer": employer,
            "form": form,
            "members": employer.memberships.select_related("user").order_by("user__email"),
            "invitations": [i for i in employer.invitations.all() if i.is_open],
        },
    )


@login_required
@require_POST
def member_remove(request, slug, membership_id):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    target = get_object_or_404(Membership, pk=membership_id, employer=employer)
    try:
        services.membership_remove(membership=target, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_message(error))
    else:
        messages.success(request, f"{target.user.email} is no longer a member.")
    if target.user_id == request.user.id:
        return redirect("employers:hire")
    return redirect("employers:team", slug=employer.slug)


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("employer"), token=token)
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, _error_message(error))
        else:
            messages.success(request, f"You are now a member of {invitation.employer.name}.")
            return redirect("employers:dashboard", slug=invitation.employer.slug)
    return render(request, "employers/invitation_accept.html", {"invitation": invitation})
