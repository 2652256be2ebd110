"""The search page's facet counts, two ways, on one Elasticsearch (a one-off comparison).

    python -m bench.facets_ab 1000000   # about 13 minutes: load, rebuild, 2 x 1,000 searches

"old": one filter aggregation per facet, each re-evaluating its filter over
every match (as the page asked until the facets not chosen shared one);
"new": ``posting_search`` as it is. Both run on the same data and the same
benchmark query set, five times over, in alternating order, and must give the
same counts; it prints Elasticsearch's ``took`` by class.
"""

import sys
from urllib.parse import urlencode

from bench.ab import compare_took, print_took
from bench.environment import benchmark_environment


def main(postings: int) -> None:
    with benchmark_environment():
        from django.http import QueryDict
        from elasticsearch.dsl import A, Q

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

        def page_query(bq):
            return SearchForm(QueryDict(urlencode(bq.params))).to_query()

        def old_shape(bq):
            query = page_query(bq)
            body = q.posting_search(query).to_dict()
            aggs = {}
            for name, doc_field in {**q.FACETS, **q.FLAGS}.items():
                counts = A("filter", Q("bool", filter=q.facet_filters(query, skip=name)))
                counts.bucket("values", A("terms", field=doc_field, size=50))
                aggs[name] = counts.to_dict()
            body["aggs"] = aggs
            return client.search(index=postings_index.alias, body=body)

        def new_shape(bq):
            body = q.posting_search(page_query(bq)).to_dict()
            return client.search(index=postings_index.alias, body=body)

        def same_counts(bq, old, new):
            # The same counts, whichever way they were asked for.
            for name in {**q.FACETS, **q.FLAGS}:
                ob = old["aggregations"][name]["values"]["buckets"]
                nb = q.facet_buckets(new["aggregations"], name)
                assert ob == nb, (bq.params, name, ob, nb)

        took = compare_took(
            query_set(per_class=50), {"old": old_shape, "new": new_shape}, same_counts
        )
        print_took(took)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
