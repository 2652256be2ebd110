"""The search benchmark's query set: fixed, and every query one the search page accepts."""

from collections import Counter
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from bench.queries import CLASSES, query_set
from jobs.search.forms import SearchForm


def test_the_query_set_is_fixed_by_its_seed():
    queries = query_set()

    assert queries == query_set()
    assert queries != query_set(seed=1)
    assert Counter(q.kind for q in queries) == dict.fromkeys(CLASSES, 50)


@pytest.mark.django_db
def test_every_query_is_valid_on_the_search_page(seeded_credentials):
    for query in query_set():
        form = SearchForm(QueryDict(urlencode(query.params)))
        assert form.is_valid(), (query.url, form.errors)
        searched = form.to_query()
        assert bool(searched.text) == (query.kind != "facets")
        assert (searched.near is not None) == (query.kind == "text_radius")
        if query.kind == "text_facets":
            assert len(searched.filters) + len(searched.flags) == 3
        if query.kind == "text_radius":
            assert searched.near.radius_miles == 25
