"""The private fair-chance preferences page.

POST only for changes, never a query string; the page is never cached; the
posted values are marked sensitive, so Django's error reports hide them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import services
from .encryption import PreferencesUnreadable
from .preference_forms import PreferencesForm
from .selectors import preferences_for
from .views import posted_data


@sensitive_post_parameters()
@never_cache
@login_required
def preferences_edit(request):
    try:
        saved = preferences_for(request.user)
        unreadable = False
    except PreferencesUnreadable:
        saved, unreadable = None, True
    form = PreferencesForm(posted_data(request), initial=PreferencesForm.initial_from(saved))
    if request.method == "POST" and form.is_valid():
        if services.preferences_save(user=request.user, preferences=form.preferences()):
            messages.success(request, "Your preferences are saved. Only you can see them.")
        else:
            messages.success(
                request, "You chose nothing, so we have no preferences stored for you."
            )
        return redirect("candidates:preferences")
    return render(
        request,
        "candidates/preferences.html",
        {"form": form, "has_saved": saved is not None, "unreadable": unreadable},
    )


@sensitive_post_parameters()
@never_cache
@login_required
@require_POST
def preferences_remove(request):
    services.preferences_delete(user=request.user)
    messages.success(request, "Your fair-chance preferences are deleted. We keep no copy.")
    return redirect("candidates:preferences")
