"""The judged relevance set for job search, and its command (``make relevance``).

shapes.py            what an employer, a posting and a query are (plain values)
employers.py         the organisations and their fair-chance policies
postings_*.py        the postings, as employers write them
queries_*.py         visitor queries as typed, each with its reason and grades
queries.py           all of them, and the date they were judged
loading.py           writes the set through the site's services
rules.py             what must never appear (not live; too far and not open to the place)
measures.py          nDCG@10, precision@5, recall@20, dead ends, violations
run.py               loads, rebuilds, asks the search page, prints, writes the results
"""
