from allauth.account import views as allauth_views
from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables

from .dashboard import sections_for
from .forms import AccountSettingsForm
from .personal_data import deletion_blockers
from .services import AccountDeletionBlocked, account_delete, account_export


class LoginView(allauth_views.LoginView):
    """allauth's sign-in, answering HTTP 429 once an account has too many failed tries.

    allauth enforces the limit with a form error; the status code tells browsers,
    scripts and monitoring what happened, too.
    """

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(e.code == "too_many_login_attempts" for e in form.non_field_errors().as_data()):
            response.status_code = 429
        return response


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"sections": sections_for(request.user)})


@login_required
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


@never_cache
@login_required
@reauthentication_required
@sensitive_variables("content")
def data_export(request):
    """GET explains; POST sends the ZIP, made afresh and never stored.

    The ZIP holds decrypted preferences and the CV, and shared computers are
    common, so both ask for the password again first, as deleting does.
    """
    if request.method != "POST":
        return render(request, "accounts/export.html")
    content = account_export(user=request.user)
    response = HttpResponse(content, content_type="application/zip")
    filename = f"fair-chance-jobs-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private, max-age=0"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
@reauthentication_required
def account_delete_view(request):
    """Asks for the password again (allauth's reauthentication) before the page shows."""
    blockers = deletion_blockers(request.user)
    if request.method == "POST" and not blockers:
        try:
            account_delete(user=request.user)
        except AccountDeletionBlocked as blocked:
            blockers = blocked.blockers
        else:
            logout(request)
            messages.success(request, "Your account and everything in it are deleted.")
            return redirect("/")
    return render(request, "accounts/delete.html", {"blockers": blockers})
