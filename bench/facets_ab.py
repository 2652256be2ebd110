"""The search page's request, two ways, on one Elasticsearch (a one-off comparison).

    python -m bench.facets_ab 1000000   # about 15 minutes: load, rebuild, 2 x 1,000 searches
    python -m bench.facets_ab 100000    # about 3 minutes

"post_filter": the chosen facets as a post filter, so the query matched, scored
and counted over every posting its words and place allow, and each chosen
facet's counts came from a filter aggregation under that query (the page's
request for every search until ``de3f294``); "narrowed": ``posting_search`` as
it is, which puts the chosen facets in the query when there are no words (with
words it is the post filter still, so those classes ask the same request both
ways). Both run on the same data and the same benchmark query set, five times
over, in alternating order, and must give the same total, the same hits in the
same order and the same counts; it prints Elasticsearch's ``took`` by class.
(The figures for narrowing every search, words too, in the README came from
this script run on the first version of ``de3f294``, which did so.)
"""

import sys
from urllib.parse import urlencode

from bench.ab import compare_took, print_took
from bench.environment import benchmark_environment


def main(postings: int) -> None:
    with benchmark_environment():
        from django.http import QueryDict
        from django.utils import timezone
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

        def post_filter_shape(bq, now):
            query = page_query(bq)
            body = q.posting_search(query, now=now).to_dict()
            body["query"] = q._matching_query(query, now=now, facets=False).to_dict()
            body["post_filter"] = Q("bool", filter=q.facet_filters(query)).to_dict()
            chosen = q.chosen_facets(query)
            shared = A("filter", Q("bool", filter=q.facet_filters(query)))
            aggs = {}
            for name, doc_field in {**q.FACETS, **q.FLAGS}.items():
                values = A("terms", field=doc_field, size=50)
                if name in chosen:
                    counts = A("filter", Q("bool", filter=q.facet_filters(query, skip=name)))
                    counts.bucket("values", values)
                    aggs[name] = counts.to_dict()
                else:
                    shared.bucket(name, values)
            aggs["unchosen"] = shared.to_dict()
            body["aggs"] = aggs
            return client.search(index=postings_index.alias, body=body)

        def narrowed_shape(bq, now):
            body = q.posting_search(page_query(bq), now=now).to_dict()
            return client.search(index=postings_index.alias, body=body)

        def at_the_same_moment(shape):
            # Both ways compare closing times (and rank recency) at one moment.
            return lambda bq: shape(bq, now=moment)

        moment = timezone.now()

        def old_buckets(answer, name):
            aggs = answer["aggregations"]
            if name in aggs:
                return aggs[name]["values"]["buckets"]
            return aggs["unchosen"][name]["buckets"]

        def same_answer(bq, old, new):
            assert old["hits"]["total"] == new["hits"]["total"], bq.params
            # The same postings in the same order (equal scores tie-break alike).
            old_ids = [hit["_id"] for hit in old["hits"]["hits"]]
            assert old_ids == [hit["_id"] for hit in new["hits"]["hits"]], bq.params
            for name in {**q.FACETS, **q.FLAGS}:
                ob = old_buckets(old, name)
                nb = q.facet_buckets(new["aggregations"], name)
                assert ob == nb, (bq.params, name, ob, nb)

        took = compare_took(
            query_set(per_class=50),
            {
                "post_filter": at_the_same_moment(post_filter_shape),
                "narrowed": at_the_same_moment(narrowed_shape),
            },
            same_answer,
        )
        print_took(took)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
