"""The API's postings and credentials: the search page's own search, and details.

Handlers parse, call the search or a selector, and shape the answer; they build
no queries. The search runs the page's SearchForm on the same parameters, so a
URL of /jobs/ and the same parameters here give the same postings in the same
order, and the same plain-words messages for bad ones.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Path, Query, Router

from employers.selectors import policy_of
from fairsite.api.conditional import conditional
from fairsite.api.errors import ERROR_RESPONSES, InvalidInput
from fairsite.api.pagination import Page, PageParams, page_of

from . import api_schemas as schemas
from .search.forms import SearchForm
from .search.queries import PAGE_SIZE
from .search.recovery import form_search_or_database
from .selectors import credentials_with_open_roles, visible_posting

postings = Router(tags=["postings"])
credentials = Router(tags=["credentials"])

MAX_ID = 2**53  # ids beyond this are never ours, and some databases overflow on them
SLUG = r"^[-a-zA-Z0-9_]+$"


@postings.get(
    "",
    response={200: schemas.PostingSearchPage, **ERROR_RESPONSES},
    url_name="postings",
    summary="Search open postings",
)
def search_postings(request: HttpRequest, params: Query[schemas.PostingSearchParams]):
    """The search page's search: same parameters, same postings, same order, same facets.

    `q` is read as the page reads it: filler words left out, phrases such as
    "remote" or "part time" read as filters (`understood`), and a typo that
    finds nothing searched corrected (`corrected_from`). When nothing matches,
    `offers` lists searches that do.

    Twenty postings a page. When the search engine is down, `limited` is true and
    the postings come from a simpler database search (words, category, place name).
    """
    form = SearchForm(params.as_form_data())
    if not form.is_valid():
        raise InvalidInput({name: list(errors) for name, errors in form.errors.items()})
    results = form_search_or_database(form)
    return schemas.search_page(request, results, form.understanding, per_page=PAGE_SIZE)


@postings.get(
    "/{posting_id}",
    response={200: schemas.PostingDetail, 304: None, **ERROR_RESPONSES},
    url_name="posting",
    summary="One open posting",
)
def get_posting(
    request: HttpRequest,
    response: HttpResponse,
    posting_id: int = Path(..., ge=1, le=MAX_ID),
):
    """A visible posting in full; 404 once it closes, is filled or is removed."""
    posting = visible_posting(posting_id)
    if posting is None:
        raise Http404
    policy = policy_of(posting.employer)
    body = schemas.posting_detail(request, posting, policy)
    changed = [posting.updated_at, posting.employer.updated_at]
    if policy is not None:
        changed.append(policy.updated_at)
    return conditional(request, response, body, max(changed)) or body


@credentials.get(
    "",
    response={200: Page[schemas.CredentialOut], **ERROR_RESPONSES},
    url_name="credentials",
    summary="Credentials",
)
def list_credentials(request: HttpRequest, params: Query[PageParams]):
    """Every credential, by name, with how many open postings ask for it."""
    page = page_of(credentials_with_open_roles(), params)
    page["results"] = [schemas.credential_out(request, c) for c in page["results"]]
    return page


@credentials.get(
    "/{slug}",
    response={200: schemas.CredentialOut, 304: None, **ERROR_RESPONSES},
    url_name="credential",
    summary="One credential",
)
def get_credential(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = Path(..., max_length=80, pattern=SLUG),
):
    """A credential and how many open postings ask for it."""
    found = credentials_with_open_roles(slug=slug)
    if not found:
        raise Http404
    body = schemas.credential_out(request, found[0])
    # A credential keeps no edit time, so only the ETag says whether it changed.
    return conditional(request, response, body) or body
