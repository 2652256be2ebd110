"""Owners make their organisation a reentry organisation; editors verify it in Wagtail."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from employers.selectors import VERIFY, member_employer
from fairsite.admin_access import PermissionRequiredMixin
from fairsite.forms import add_service_errors

from . import services
from .models import ReentryOrganisation


class ReentryForm(forms.ModelForm):
    class Meta:
        model = ReentryOrganisation
        fields = ["services"]
        widgets = {"services": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "services": {
                "required": "Say in a few words how you help people find work.",
                "max_length": "Keep it to 2000 characters or fewer.",
            }
        }


@login_required
def reentry_register(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    organisation = ReentryOrganisation.objects.filter(employer=employer).first()
    form = ReentryForm(request.POST if request.method == "POST" else None)
    if organisation is None and request.method == "POST" and form.is_valid():
        try:
            services.reentry_register(
                employer=employer, by=request.user, services=form.cleaned_data["services"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Thank you. We will check your organisation and email you when your case "
                "workers can start helping people.",
            )
            return redirect("partners:register", slug=slug)
    return render(
        request,
        "partners/register.html",
        {"employer": employer, "organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


class ReentryListView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Editors check reentry organisations: only verified ones' case workers can be given access."""

    permission = VERIFY
    template_name = "partners/admin/list.html"
    page_title = "Reentry organisations"
    header_icon = "group"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("partners_admin:list"), "label": "Reentry organisations"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisations"] = ReentryOrganisation.objects.select_related("employer").order_by(
            "verification_status", "employer__name"
        )
        return context

    def post(self, request, *args, **kwargs):
        organisation = get_object_or_404(ReentryOrganisation, pk=request.POST.get("organisation"))
        action = request.POST.get("action")
        if action == "verify":
            services.reentry_verify(organisation=organisation, by=request.user)
            messages.success(request, f"{organisation.name} is verified. The members are told.")
        elif action == "unverify":
            services.reentry_unverify(organisation=organisation, by=request.user)
            messages.success(
                request,
                f"{organisation.name} is not verified. Its case workers' access stopped.",
            )
        else:
            messages.error(request, "That is not an action here.")
        return redirect("partners_admin:list")
