"""Benchmarks: a generated dataset, measured on its own servers (README: Benchmarks).

    towns.py, words.py   what the data is made of: real towns, word banks
    dataset.py           the dataset as plain values, fixed by a seed (no database)
    loading.py           writes it with bulk_create
    environment.py       its own Elasticsearch and database, Django, a real worker;
                         the machine, versions and commit for the results file
    report.py            percentiles, the results file, the printed table
    search.py            the job search benchmark (`make bench`), measuring with
    search_measures.py   the measurements themselves (also run by tests/bench/)
    queries.py           its fixed query set
    alerts.py            the job alerts benchmark (`make bench-alerts`), measuring with
    alert_measures.py    its measurements (also run by tests/bench/), on
    alert_dataset.py     generated saved searches
    relevance/           the hand-judged set for search quality (`make relevance`)
    results/             committed results files

A later benchmark (matching, alerts) is a sibling script: ``benchmark_environment()``
and ``load_dataset()`` give it the same servers and data, and its own measurements
go in a module of their own, run on a tiny dataset by a test.
"""
