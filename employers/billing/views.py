"""The billing pages of an organisation: only its owners buy and see billing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from employers.selectors import member_employer
from fairsite.site_address import absolute_url

from .checkout import PaymentsUnavailable, checkout_session_state, checkout_start, portal_start
from .forms import BuyForm
from .models import Order, OrderStatus
from .selectors import billing_summary, credit_history, invoices_of, orders_of


def _see_other(url: str) -> HttpResponseRedirect:
    # 303: the browser follows with a GET, as Stripe asks for its hosted pages.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@login_required
def billing_overview(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    return render(
        request,
        "billing/overview.html",
        {
            "employer": employer,
            "billing": billing_summary(employer),
            "orders": orders_of(employer),
            "invoices": invoices_of(employer),
            "history": credit_history(employer),
        },
    )


@login_required
def buy(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    summary = billing_summary(employer)
    initial = {name: request.GET.get(name, "") for name in ("product", "posting", "next")}
    data = request.POST if request.method == "POST" else None
    form = BuyForm(data, employer=employer, initial=initial)
    if request.method == "POST":
        if not summary.payments_on:
            form.is_valid()
            form.add_error(None, "Payments are switched off on this site, so posting is free.")
        elif form.is_valid():
            try:
                _order, url = checkout_start(
                    employer=employer,
                    product=form.cleaned_data["product"],
                    by=request.user,
                    posting=form.cleaned_data.get("posting"),
                    return_to=form.cleaned_data["next"],
                )
            except ValidationError as error:
                for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
                    form.add_error(field if field in form.fields else None, errors)
            except PaymentsUnavailable as unavailable:
                form.add_error(None, str(unavailable))
            else:
                return _see_other(url)
    return render(
        request,
        "billing/buy.html",
        {
            "employer": employer,
            "billing": summary,
            "form": form,
            "has_featured": "posting" in form.fields,
        },
    )


@login_required
def order_detail(request, slug, pk):
    """Where Stripe sends the buyer back. It reports; only the webhook grants."""
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    order = get_object_or_404(Order.objects.select_related("posting"), pk=pk, employer=employer)
    stripe_state = checkout_session_state(order=order) if order.status == OrderStatus.OPEN else None
    return render(
        request,
        "billing/order.html",
        {
            "employer": employer,
            "order": order,
            "billing": billing_summary(employer),
            "stripe_state": stripe_state,
            "waiting": order.status in {OrderStatus.OPEN, OrderStatus.PROCESSING}
            and stripe_state != "expired",
        },
    )


@login_required
def order_cancelled(request, slug, pk):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    order = get_object_or_404(Order, pk=pk, employer=employer)
    return render(request, "billing/order_cancelled.html", {"employer": employer, "order": order})


@login_required
@require_POST
def portal(request, slug):
    employer, _membership = member_employer(request.user, slug, owner_only=True)
    return_url = absolute_url(reverse("billing:overview", kwargs={"slug": slug}))
    try:
        url = portal_start(employer=employer, return_url=return_url)
    except PaymentsUnavailable as unavailable:
        messages.error(request, str(unavailable))
        return redirect("billing:overview", slug=employer.slug)
    return _see_other(url)
