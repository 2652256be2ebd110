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

from bench.environment import benchmark_environment
from bench.report import percentile

REPEAT = 5


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

        def old_shape(query):
            search = q.posting_search(query)
            body = search.to_dict()
            aggs = {}
            for name, doc_field in {**q.FACETS, **q.FLAGS}.items():
                counts = A("filter", Q("bool", filter=q.facet_filters(query, skip=name)))
                counts.bucket("values", A("terms", field=doc_field, size=50))
                aggs[name] = counts.to_dict()
            body["aggs"] = aggs
            return body

        def new_shape(query):
            return q.posting_search(query).to_dict()

        client = get_client()
        qs = query_set(per_class=50)
        took = {"old": {}, "new": {}}
        # Warm both up first.
        for bq in qs[:40]:
            pq = SearchForm(QueryDict(urlencode(bq.params))).to_query()
            for shape in (old_shape, new_shape):
                client.search(index=postings_index.alias, body=shape(pq))
        for r in range(REPEAT):
            for bq in qs:
                pq = SearchForm(QueryDict(urlencode(bq.params))).to_query()
                order = [("old", old_shape), ("new", new_shape)]
                if r % 2:
                    order.reverse()
                answers = {}
                for label, shape in order:
                    resp = client.search(index=postings_index.alias, body=shape(pq))
                    took[label].setdefault(bq.kind, []).append(resp["took"])
                    answers[label] = resp
                # The same counts, whichever way they were asked for.
                o, n = answers["old"]["aggregations"], answers["new"]["aggregations"]
                for name in {**q.FACETS, **q.FLAGS}:
                    ob = o[name]["values"]["buckets"]
                    nb = q.facet_buckets(n, name)
                    assert ob == nb, (bq.params, name, ob, nb)
        for kind in took["old"]:
            line = [f"{kind:12}"]
            for label in ("old", "new"):
                p50, p95 = (percentile(took[label][kind], f) for f in (0.5, 0.95))
                line.append(f"{label} p50 {p50:6.1f} p95 {p95:6.1f}")
            print("   ".join(line))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
