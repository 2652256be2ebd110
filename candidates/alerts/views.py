"""Alert pages: save a search, list, change, pause, resume and delete your alerts,
and the unsubscribe link of every alert email (no sign-in needed)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from fairsite.places.forms import announce_readings
from jobs.search.forms import SearchForm
from jobs.search.visitor_places import visitor_country

from . import services
from .emails import BadUnsubscribeLink, UsedUnsubscribeLink
from .forms import AlertForm, alert_initial
from .models import MAX_ALERTS_PER_PERSON, Alert
from .selectors import alert_from_token, alerts_of
from .summary import search_path, search_summary


def _own_alert(request, pk: int) -> Alert:
    # Someone else's alert is "not found", never "forbidden": ids reveal nothing.
    return get_object_or_404(Alert, pk=pk, owner=request.user)


@login_required
def alert_list(request):
    """The owner's alerts, with what each looks for and how often it emails."""
    alerts = alerts_of(request.user)
    return render(
        request,
        "alerts/alert_list.html",
        {
            "alerts": [
                (alert, search_summary(alert.query), search_path(alert.query)) for alert in alerts
            ],
            "max_alerts": MAX_ALERTS_PER_PERSON,
        },
    )


def _save_failed(form: AlertForm, error: ValidationError) -> None:
    form.add_error(None, error)


@require_POST
def alert_create(request):
    """Save the search the page showed and go back to it; anything wrong shows the
    whole alert form with the problems marked (nothing the person chose is lost)."""
    if not request.user.is_authenticated:
        # After signing in they return to the search and can press the button again.
        return redirect_to_login(search_path(SearchForm(request.POST).to_query()))
    form = AlertForm(request.POST, place_country=visitor_country(request))
    if form.is_valid():
        query = form.to_query()
        try:
            alert = services.alert_create(
                owner=request.user,
                query=query,
                frequency=form.cleaned_data["frequency"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(
                request,
                format_html(
                    "Your job alert “{}” is saved. We will email you about new jobs like these. "
                    '<a href="{}">See and change your job alerts</a>.',
                    alert.name,
                    reverse("alerts:list"),
                ),
            )
            announce_readings(request, form)
            return redirect(search_path(query))
    return render(request, "alerts/alert_form.html", {"form": form, "alert": None})


@login_required
def alert_edit(request, pk: int):
    """Change an alert's search, name or how often it emails."""
    alert = _own_alert(request, pk)
    if request.method != "POST":
        form = AlertForm(initial=alert_initial(alert))
    else:
        form = AlertForm(request.POST, place_country=visitor_country(request))
        if form.is_valid():
            try:
                services.alert_update(
                    alert=alert,
                    query=form.to_query(),
                    name=form.cleaned_data["name"],
                    frequency=form.cleaned_data["frequency"],
                )
            except ValidationError as error:
                _save_failed(form, error)
            else:
                messages.success(request, f"Your changes to “{alert.name}” are saved.")
                announce_readings(request, form)
                return redirect("alerts:list")
    return render(request, "alerts/alert_form.html", {"form": form, "alert": alert})


@login_required
@require_POST
def alert_pause(request, pk: int):
    alert = services.alert_pause(alert=_own_alert(request, pk))
    messages.success(request, f"“{alert.name}” is paused. We won't email you about it.")
    return redirect("alerts:list")


@login_required
@require_POST
def alert_resume(request, pk: int):
    alert = services.alert_resume(alert=_own_alert(request, pk))
    messages.success(request, f"“{alert.name}” is on again. We'll email you about new jobs.")
    return redirect("alerts:list")


@login_required
def alert_delete(request, pk: int):
    """GET asks to confirm; POST deletes."""
    alert = _own_alert(request, pk)
    if request.method == "POST":
        name = alert.name
        services.alert_delete(alert=alert)
        messages.success(request, f"“{name}” is deleted.")
        return redirect("alerts:list")
    return render(
        request,
        "alerts/alert_delete.html",
        {"alert": alert, "summary": search_summary(alert.query)},
    )


# Mail programs send RFC 8058's one-click POST without cookies or a CSRF token;
# the signed token in the address is what proves the request came from the email.
@csrf_exempt
def unsubscribe(request, token: str):
    """GET shows one button (link checkers only ever GET); POST stops the alert."""
    try:
        if request.method != "POST":
            alert = alert_from_token(token)
            return render(request, "alerts/unsubscribe.html", {"alert": alert})
        alert, was_running = services.alert_unsubscribe(token=token)
    except BadUnsubscribeLink:
        return render(request, "alerts/unsubscribe_invalid.html", status=400)
    except UsedUnsubscribeLink:
        return render(request, "alerts/unsubscribe_used.html", status=410)
    except Alert.DoesNotExist:
        return render(request, "alerts/unsubscribe_gone.html", status=404)
    return render(request, "alerts/unsubscribed.html", {"alert": alert, "was_running": was_running})
