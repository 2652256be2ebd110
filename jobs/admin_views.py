"""The moderation queue in the Wagtail admin: editors approve or reject postings."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from employers.policy import policy_sentences
from employers.selectors import policy_of
from fairsite.admin_access import PermissionRequiredMixin

from . import services
from .models import JobPosting, Status


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason for the employer",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="The employer gets this by email. Say what to change.",
        error_messages={"required": "Give the employer a reason, so they know what to change."},
    )


def pending_postings():
    """Postings waiting for an editor, oldest first."""
    return (
        JobPosting.objects.filter(status=Status.PENDING_REVIEW)
        .select_related("employer")
        .order_by("updated_at")
    )


class ModerationQueueView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = services.MODERATE

    template_name = "jobs/admin/moderation_queue.html"
    page_title = "Postings waiting for review"
    header_icon = "tasks"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("jobs_admin:queue"), "label": "Moderation"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {"posting": posting, "flags": services.wording_flags(posting)}
            for posting in pending_postings()
        ]
        return context


class PostingReviewView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = services.MODERATE

    template_name = "jobs/admin/posting_review.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.posting = get_object_or_404(
            JobPosting.objects.select_related("employer"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Review: {self.posting.title}"

    def get_breadcrumbs_items(self):
        return [
            *ModerationQueueView.breadcrumbs_items,
            {"url": "", "label": self.posting.title},
        ]

    def get_context_data(self, reject_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = policy_of(self.posting.employer)
        context.update(
            posting=self.posting,
            employer=self.posting.employer,
            policy_sentences=policy_sentences(policy),
            flags=services.wording_flags(self.posting),
            events=self.posting.events.select_related("actor"),
            reject_form=reject_form or RejectForm(),
            can_decide=self.posting.status == Status.PENDING_REVIEW,
        )
        return context

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                services.posting_approve(posting=self.posting, by=request.user)
                messages.success(request, f"“{self.posting.title}” is live. The employer is told.")
                return redirect("jobs_admin:queue")
            if decision == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(reject_form=form))
                services.posting_reject(
                    posting=self.posting, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, f"“{self.posting.title}” went back to the employer.")
                return redirect("jobs_admin:queue")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(reverse("jobs_admin:review", kwargs={"pk": self.posting.pk}))
        messages.error(request, "Choose to approve or to reject.")
        return redirect(reverse("jobs_admin:review", kwargs={"pk": self.posting.pk}))
