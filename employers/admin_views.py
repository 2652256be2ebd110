"""Employer verification in the Wagtail admin: editors vouch for fair-chance policies."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from fairsite.admin_access import PermissionRequiredMixin
from jobs.models import JobPosting

from . import services
from .models import Employer, VerificationStatus
from .policy import policy_sentences
from .selectors import policy_of


class UnverifyForm(forms.Form):
    reason = forms.CharField(
        label="Reason for the employer",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="The employer gets this by email.",
        error_messages={"required": "Give the employer a reason."},
    )


TABS = [
    (VerificationStatus.PENDING, "Waiting for review"),
    (VerificationStatus.VERIFIED, "Verified"),
    (VerificationStatus.UNVERIFIED, "Not verified"),
]


class EmployerListView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = services.VERIFY

    template_name = "employers/admin/employer_list.html"
    page_title = "Employers"
    header_icon = "group"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("employers_admin:list"), "label": "Employers"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", VerificationStatus.PENDING)
        if status not in VerificationStatus.values:
            status = VerificationStatus.PENDING
        context.update(
            tabs=[
                (value, label, Employer.objects.filter(verification_status=value).count())
                for value, label in TABS
            ],
            current=status,
            employers=Employer.objects.filter(verification_status=status).order_by("updated_at"),
        )
        return context


class EmployerReviewView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = services.VERIFY

    template_name = "employers/admin/employer_review.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.employer = get_object_or_404(Employer, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.employer.name

    def get_breadcrumbs_items(self):
        return [*EmployerListView.breadcrumbs_items, {"url": "", "label": self.employer.name}]

    def get_context_data(self, unverify_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = policy_of(self.employer)
        context.update(
            employer=self.employer,
            policy=policy,
            policy_sentences=policy_sentences(policy),
            members=self.employer.memberships.select_related("user"),
            open_postings=JobPosting.objects.visible().for_employer(self.employer).count(),
            unverify_form=unverify_form or UnverifyForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        employer = self.employer
        try:
            if action == "verify":
                services.employer_verify(employer=employer, by=request.user)
                messages.success(request, f"{employer.name} is verified. The members are told.")
            elif action == "unverify":
                form = UnverifyForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(unverify_form=form))
                services.employer_unverify(
                    employer=employer, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, f"{employer.name} is not verified. The members are told.")
            elif action in {"auto_approve_on", "auto_approve_off"}:
                services.employer_set_auto_approve(
                    employer=employer, by=request.user, value=action == "auto_approve_on"
                )
                messages.success(request, "Saved.")
            else:
                messages.error(request, "That is not an action here.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("employers_admin:review", pk=employer.pk)
