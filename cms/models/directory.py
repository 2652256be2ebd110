from django.core.paginator import Paginator

from cms import selectors
from cms.forms import DEFAULT_MILES, EmployerDirectoryForm
from fairsite.places.forms import reading_offer
from jobs.search.visitor_places import visitor_country

from .base import SectionPage

PAGE_SIZE = 20


class EmployerDirectoryPage(SectionPage):
    subpage_types = []

    class Meta:
        verbose_name = "employer directory"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = EmployerDirectoryForm(request.GET if _has_filters(request) else None)
        form.fields["place"].prefer_country = visitor_country(request)
        context["form"] = form
        if form.is_bound and not form.is_valid():
            return context
        filters = form.cleaned_data if form.is_bound else {}
        context["place_offer"] = reading_offer(form.fields["place"].reading, request.GET)
        context["near"] = filters.get("place")
        context["within_miles"] = filters.get("miles", DEFAULT_MILES)
        entries = selectors.directory_employers(
            industry=filters.get("industry", ""),
            near=context["near"],
            within_miles=context["within_miles"],
            checks_after_offer=filters.get("after_offer", False),
            support=filters.get("support", []),
            pledges=filters.get("pledges", []),
        )
        context["results"] = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        params = request.GET.copy()
        params.pop("page", None)
        context["querystring"] = params.urlencode()
        return context


def _has_filters(request) -> bool:
    return any(name in request.GET for name in EmployerDirectoryForm.base_fields)
