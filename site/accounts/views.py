from allauth.account import views as allauth_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .forms import AccountSettingsForm


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
    return render(request, "accounts/dashboard.html")


@login_required
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
