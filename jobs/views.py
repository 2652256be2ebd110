from functools import partial

from django.db.models import prefetch_related_objects
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from employers.policy import policy_sentences
from employers.selectors import is_member, policy_of
from fairsite.places.forms import reading_offer
from fairsite.templatetags.public_cache import is_public_request

from .models import JobPosting
from .search.forms import SearchForm
from .search.links import keeping, offer_links, understood_parts, url_with
from .search.queries import FLAG_TITLES, title_suggestions
from .search.recovery import form_search_or_database
from .search.understanding import SPELLING
from .search.visitor_places import chosen_country
from .seekers import seeker_for
from .selectors import applications_of, similar_open_postings
from .structured_data import posting_json_ld
from .view_counts import count_view

FACET_TITLES = {
    "category": "Category",
    "employment_type": "Type of work",
    "workplace": "Where the work happens",
    "check_level": "Level of record check",
    "credential": "Credential",
    "salary": "Pay",
}


def _facet_item(params, name, value, label, count, selected, *, words_without=None):
    # Choosing a chosen value again removes it.
    changes = {name: None if selected else value}
    if words_without is not None:
        changes["q"] = words_without
    return {
        "label": label,
        "count": count,
        "selected": selected,
        "url": url_with(params, **changes),
    }


def facet_groups(params: QueryDict, results, understanding=None) -> list[dict]:
    """Each facet's values with counts and the link that chooses (or clears) them.

    A facet read from the words ("remote cook") is chosen or cleared by the
    same search without those words, so each count is what its link lists.
    """
    read = {}
    if understanding is not None:
        read = {r.key: understanding.typed_without(r.key) for r in understanding.readings}
    chosen_flags = results.query.flags
    groups = [
        {
            "name": "flags",
            "title": "Record checks and verification",
            "items": [
                _facet_item(
                    params,
                    name,
                    "on",
                    title,
                    results.flags.get(name, 0),
                    name in chosen_flags,
                    words_without=read.get(name),
                )
                for name, title in FLAG_TITLES.items()
            ],
        }
    ]
    groups += [
        {
            "name": name,
            "title": FACET_TITLES[name],
            "items": [
                _facet_item(
                    params,
                    name,
                    v.value,
                    v.label,
                    v.count,
                    v.selected,
                    words_without=read.get(name),
                )
                for v in values
            ],
        }
        for name, values in results.facets.items()
        if values
    ]
    return groups


def posting_list(request):
    """The search page: Elasticsearch when it answers, the database when it doesn't."""
    seeker = seeker_for(request.user)
    form = SearchForm(
        request.GET or None,
        can_sort_for_you=seeker.can_sort_for_you,
        place_country=chosen_country(request) or seeker.home_country,
    )
    query = form.to_query()
    ranking = seeker.ranking() if query.sort == "for_you" else None
    results = form_search_or_database(form, ranking=ranking)
    understanding = form.understanding
    groups = [] if results.from_database else facet_groups(request.GET, results, understanding)
    return render(
        request,
        "jobs/search.html",
        {
            "form": form,
            "results": results,
            "facet_groups": groups,
            "filters_chosen": sum(item["selected"] for group in groups for item in group["items"]),
            "understood": understood_parts(request.GET, results, understanding),
            "offers": offer_links(request.GET, results),
            "spelling_url": keeping(request.GET, SPELLING),
            "saved_ids": seeker.saved_ids([hit.posting.pk for hit in results.hits]),
            "feed_query": _feed_query(request.GET),
            "print_query": f"?{request.GET.urlencode()}" if request.GET else "",
            **place_context(request, form, results),
        },
    )


def place_context(request, form: SearchForm, results) -> dict:
    """What the page's place line shows (jobs/includes/search_place.html): how a
    shared name was read (or, when the reading guessed found nothing and another
    did, that other reading), with a link to each other reading, and the link that
    hides (or shows again) remote jobs open to the place; and the country of a
    place the visitor chose, which the search form carries on."""
    params = request.GET
    hidden = bool(params.get("hide_remote"))
    return {
        "place_offer": reading_offer(results.place_reading or form.place_reading, params),
        "place_found_nothing": (
            results.place_reading.others[0].name if results.place_reading else ""
        ),
        "remote_toggle_url": url_with(params, hide_remote=None if hidden else "on"),
        "place_country": chosen_country(request),
    }


def _feed_query(params: QueryDict) -> str:
    """The search's parameters for its feed (a feed has no pages)."""
    params = params.copy()
    params.pop("page", None)
    return f"?{params.urlencode()}" if params else ""


@require_GET
def posting_suggestions(request):
    """Completions for the keyword box (an empty list rather than an error)."""
    return JsonResponse({"suggestions": title_suggestions(request.GET.get("q", ""))})


def _may_preview(user, posting: JobPosting) -> bool:
    return user.is_staff or is_member(user, posting.employer_id)


def posting_closed(request, posting: JobPosting):
    """A posting that was live and has ended: "This job has closed", with open jobs
    like it. 410 Gone, so search engines drop the address at once, while a person
    who followed an old link still gets a page that helps them on."""
    location = posting.locations.first()
    response = render(
        request,
        "jobs/posting_closed.html",
        {
            "posting": posting,
            "place": location.label if location else "",
            "similar": similar_open_postings(posting),
        },
        status=410,
    )
    # The page's robots meta says it too; the header reaches crawlers that
    # read only headers (aggregators checking their copies of a job).
    response["X-Robots-Tag"] = "noindex"
    return response


POSTING_PAGE_RELATIONS = ("locations", "required_credentials", "preferred_credentials")


def posting_detail(request, pk, slug):
    """A posting's page. For visitors who are not signed in most of it comes from
    cached fragments (``public_fragment`` in the template), so the related rows,
    the policy and the structured data are read only when a fragment is rendered."""
    posting = get_object_or_404(JobPosting.objects.select_related("employer"), pk=pk)
    is_preview = not posting.is_visible
    if is_preview and not _may_preview(request.user, posting):
        if posting.has_closed:
            return posting_closed(request, posting)
        raise Http404
    if slug != posting.slug:
        return redirect(posting, permanent=True)
    if not is_public_request(request):
        prefetch_related_objects([posting], *POSTING_PAGE_RELATIONS)
    if not is_preview and not _may_preview(request.user, posting):
        count_view(posting.pk)
    return render(
        request,
        "jobs/posting_detail.html",
        {
            "posting": posting,
            "employer": posting.employer,
            # Called by the template only when it renders them.
            "policy_sentences": partial(_policy_sentences, posting.employer),
            "is_preview": is_preview,
            "application": applications_of(request.user).filter(posting=posting).first()
            if request.user.is_authenticated
            else None,
            "is_saved": posting.pk in seeker_for(request.user).saved_ids([posting.pk]),
            "json_ld": None if is_preview else partial(posting_json_ld, posting, request=request),
        },
    )


def _policy_sentences(employer) -> list[str]:
    return policy_sentences(policy_of(employer))
