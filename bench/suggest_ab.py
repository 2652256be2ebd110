"""The search page's request with and without the spelling suggester, on one
Elasticsearch (a one-off comparison).

    python -m bench.suggest_ab 1000000   # about 15 minutes: load, rebuild, 2 x 1,000 searches
    python -m bench.suggest_ab 100000    # about 3 minutes

"with_suggester": ``posting_search`` with the term suggester added to it, as
the page asked for every search with words until the suggester became a
request of its own (``spelling_search``), sent only when a search finds
nothing. "as_is": ``posting_search`` as it is. Both run on the same data and
the benchmark query set, five times over, in alternating order, and must give
the same total, the same hits in the same order and the same counts; it prints
Elasticsearch's ``took`` by class.
"""

import sys
from urllib.parse import urlencode

from bench.ab import compare_took, print_took
from bench.environment import benchmark_environment


def main(postings: int) -> None:
    with benchmark_environment():
        from django.http import QueryDict
        from django.utils import timezone

        from bench.loading import load_dataset
        from bench.queries import query_set
        from fairsite.search.client import get_client
        from fairsite.search.indices import rebuild
        from jobs.search import queries as q
        from jobs.search.forms import SearchForm
        from jobs.search.index import postings_index

        load_dataset(postings)
        rebuild(postings_index)
        client = get_client()
        moment = timezone.now()

        def page_query(bq):
            return SearchForm(QueryDict(urlencode(bq.params))).to_query()

        def with_suggester(bq):
            query = page_query(bq)
            body = q.posting_search(query, now=moment).to_dict()
            spelling = q.spelling_search(query)
            if spelling is not None:
                body["suggest"] = spelling.to_dict()["suggest"]
            return client.search(index=postings_index.alias, body=body)

        def as_is(bq):
            body = q.posting_search(page_query(bq), now=moment).to_dict()
            return client.search(index=postings_index.alias, body=body)

        def same_answer(bq, old, new):
            assert old["hits"]["total"] == new["hits"]["total"], bq.params
            old_ids = [hit["_id"] for hit in old["hits"]["hits"]]
            assert old_ids == [hit["_id"] for hit in new["hits"]["hits"]], bq.params
            assert old["aggregations"] == new["aggregations"], bq.params

        took = compare_took(
            query_set(per_class=50),
            {"with_suggester": with_suggester, "as_is": as_is},
            same_answer,
        )
        print_took(took)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
