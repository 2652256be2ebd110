"""Editors give free posting credits in the Wagtail admin, saying why."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from fairsite.admin_access import PermissionRequiredMixin

from .entitlements import GRANT, credits_grant
from .forms import GrantForm
from .models import CreditChange, CreditEntry
from .stripe_api import payments_enabled


class GrantCreditsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = GRANT
    template_name = "billing/admin/grant_credits.html"
    page_title = "Free posting credits"
    header_icon = "gift"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("billing_admin:grant"), "label": "Free posting credits"},
    ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=form or GrantForm(initial={"employer": self.request.GET.get("employer")}),
            grants=CreditEntry.objects.filter(kind=CreditChange.GRANT).select_related(
                "employer", "by"
            )[:30],
            payments_on=payments_enabled(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = GrantForm(request.POST)
        if form.is_valid():
            try:
                entry = credits_grant(
                    employer=form.cleaned_data["employer"],
                    credits=form.cleaned_data["credits"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    f"{entry.change} free posting credit{'s' if entry.change != 1 else ''} "
                    f"given to {entry.employer.name}.",
                )
                return redirect("billing_admin:grant")
        return self.render_to_response(self.get_context_data(form=form))
