from django import forms
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from employers.models import Membership
from employers.policy import policy_sentences
from employers.selectors import policy_of

from .models import Category, EmploymentType, JobPosting, Workplace
from .selectors import postings_from_database

PAGE_SIZE = 20


class PostingFilterForm(forms.Form):
    q = forms.CharField(label="What job", required=False, max_length=200)
    place = forms.CharField(label="Where", required=False, max_length=100)
    category = forms.ChoiceField(required=False, choices=[("", "Any category"), *Category.choices])
    employment_type = forms.ChoiceField(
        label="Type of work", required=False, choices=[("", "Any"), *EmploymentType.choices]
    )
    workplace = forms.ChoiceField(
        label="Where the work happens", required=False, choices=[("", "Any"), *Workplace.choices]
    )
    after_offer = forms.BooleanField(
        label="Only employers who check records after an offer (or never)", required=False
    )


def posting_list(request):
    form = PostingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    postings = postings_from_database(
        text=filters.get("q", ""),
        place=filters.get("place", ""),
        category=filters.get("category", ""),
        employment_type=filters.get("employment_type", ""),
        workplace=filters.get("workplace", ""),
        checks_after_offer=filters.get("after_offer", False),
    )
    page = Paginator(postings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "jobs/posting_list.html",
        {"form": form, "page": page, "querystring": _querystring_without_page(request)},
    )


def _querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _may_preview(user, posting: JobPosting) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or Membership.objects.filter(user=user, employer=posting.employer).exists()


def posting_detail(request, pk, slug):
    posting = get_object_or_404(
        JobPosting.objects.select_related("employer").prefetch_related(
            "locations", "required_credentials", "preferred_credentials"
        ),
        pk=pk,
    )
    is_preview = not posting.is_visible
    if is_preview and not _may_preview(request.user, posting):
        raise Http404
    if slug != posting.slug:
        return redirect(posting, permanent=True)
    if not is_preview and not _may_preview(request.user, posting):
        JobPosting.objects.filter(pk=posting.pk).update(view_count=F("view_count") + 1)
    policy = policy_of(posting.employer)
    return render(
        request,
        "jobs/posting_detail.html",
        {
            "posting": posting,
            "employer": posting.employer,
            "policy_sentences": policy_sentences(policy),
            "is_preview": is_preview,
        },
    )
