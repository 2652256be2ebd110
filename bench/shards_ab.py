"""The search page's requests on one primary shard and on two, on one Elasticsearch
(a one-off comparison, behind ``fairsite.search.indices.DOCUMENTS_PER_SHARD``).

    python -m bench.shards_ab 1000000   # about 20 minutes: load, two rebuilds, 2 x 1,000 searches
    python -m bench.shards_ab 100000    # about 3 minutes

The same postings are indexed twice, once with ``number_of_shards`` 1 and once
with 2 (under another prefix), and the benchmark's query set is sent to both,
five times over in alternating order. It prints Elasticsearch's ``took`` by
class and asserts that both give the same total and the same facet counts
(the hits of equal scores may come in another order).
"""

import sys
import time
from urllib.parse import urlencode

from bench.ab import compare_took, print_took
from bench.environment import benchmark_environment


def main(postings: int) -> None:
    with benchmark_environment():
        from django.conf import settings
        from django.http import QueryDict

        from bench.loading import load_dataset
        from bench.queries import query_set
        from fairsite.search.client import get_client
        from fairsite.search.indices import rebuild
        from jobs.search import queries as q
        from jobs.search.forms import SearchForm
        from jobs.search.index import postings_index

        load_dataset(postings)
        aliases = {}
        for shards, prefix in ((1, "fairchance"), (2, "abtwo")):
            settings.ELASTICSEARCH_INDEX_PREFIX = prefix
            settings.ELASTICSEARCH_SHARDS = shards
            started = time.monotonic()
            report = rebuild(postings_index)
            print(
                f"{shards} shard(s): rebuilt {report.documents} in "
                f"{time.monotonic() - started:.1f} s",
                flush=True,
            )
            aliases[shards] = postings_index.alias
        client = get_client()
        queries = query_set(per_class=50)
        bodies = {
            bq: q.posting_search(SearchForm(QueryDict(urlencode(bq.params))).to_query()).to_dict()
            for bq in queries
        }

        def on(shards):
            return lambda bq: client.search(index=aliases[shards], body=bodies[bq])

        def same_counts(bq, one, two):
            assert one["hits"]["total"] == two["hits"]["total"], bq.params
            for name in {**q.FACETS, **q.FLAGS}:
                assert q.facet_buckets(one["aggregations"], name) == q.facet_buckets(
                    two["aggregations"], name
                ), (bq.params, name)

        print_took(compare_took(queries, {"1 shard": on(1), "2 shards": on(2)}, same_counts))
        pools = next(iter(client.nodes.stats(metric="thread_pool")["nodes"].values()))
        search_pool = pools["thread_pool"]["search"]
        print(f"search threads {search_pool['threads']}, completed {search_pool['completed']}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
