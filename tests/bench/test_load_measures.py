"""The load benchmark's parts: the search pages' own Elasticsearch requests, sent
again with wrk to the real server, and the summing of py-spy's stacks."""

import json

import pytest

from bench.loading import load_dataset
from bench.profiling import summarise_stacks
from bench.queries import query_set
from bench.wrk import captured_search_requests, run_wrk, write_requests
from fairsite.devtools.paths import BASE_DIR
from fairsite.search.indices import rebuild
from jobs.search.index import postings_index


@pytest.mark.django_db
def test_the_search_pages_requests_replay_against_elasticsearch_without_an_error(
    es, elasticsearch_server, seeded_credentials, tmp_path
):
    load_dataset(60)
    rebuild(postings_index)
    urls = [query.url for query in query_set(per_class=1)]

    requests, per_page = captured_search_requests(urls)

    assert per_page >= 1
    assert all(
        request.path.endswith("/_search") or "_msearch" in request.path for request in requests
    )
    for request in requests:
        body = request.body.splitlines() if "ndjson" in request.content_type else [request.body]
        assert all(json.loads(line) for line in body)
    figures = run_wrk(
        elasticsearch_server,
        write_requests(tmp_path / "es.requests", requests),
        connections=2,
        seconds=1,
    )
    assert figures["requests"] > 0
    assert figures["error_count"] == 0  # a 4xx answer would count: the bodies are what pages send


def test_stacks_are_summed_by_package_and_by_the_sites_own_functions():
    site = BASE_DIR / "jobs" / "views.py"
    packages = "/venv/lib/python3.11/site-packages"
    collapsed = "\n".join(
        [
            f"posting_list ({site}:110);render ({packages}/django/template/base.py:10) 3",
            f"posting_list ({site}:110);execute ({packages}/elastic_transport/_node.py:5) 1",
        ]
    )

    summary = summarise_stacks(collapsed)

    assert summary["samples"] == 4
    assert summary["own_time_by_package_percent"] == [
        ["django.template", 75.0],
        ["elastic_transport", 25.0],
    ]
    assert summary["site_functions_with_callees_percent"] == [
        ["posting_list (jobs/views.py)", 100.0]
    ]


def test_the_cpu_time_of_a_server_and_its_workers_is_read_from_proc():
    import subprocess
    import sys

    from bench.profiling import cpu_seconds, process_tree

    # A parent that waits on a worker which spins, as gunicorn's master and workers.
    spin = "import time\nend = time.process_time() + 30\nwhile time.process_time() < end: pass"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spin!r}])",
        ]
    )
    try:
        tree = [parent.pid]
        while len(tree) < 2 and parent.poll() is None:
            tree = process_tree(parent.pid)
        assert tree[0] == parent.pid
        assert len(tree) == 2
        # The worker's time counts: it spins until the test has seen some.
        while cpu_seconds(tree) < 0.2:
            assert parent.poll() is None
        assert cpu_seconds([tree[0]]) < cpu_seconds(tree)
    finally:
        for pid in reversed(tree):
            subprocess.run(["kill", str(pid)], check=False)
        parent.wait(timeout=30)
    # A process that is gone (the parent, reaped by the wait above) counts nothing;
    # the worker may linger a moment as a zombie of whoever reaps it.
    assert cpu_seconds([parent.pid]) == 0
