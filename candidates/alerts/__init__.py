"""Job alerts: saved searches that email their owner about new postings.

Alerts are matched by reverse search (the core Elasticsearch build the site
runs on has no percolator): each distinct set of criteria that active alerts
hold is a document in the ``alerts`` index, listing those alerts' ids
(``search.py``), and a posting that goes live is matched against all of
them with one query (``matching.py``). Instant alerts email at once; daily and
weekly ones wait for their digest (``digests.py``). Every email carries a signed
one-click unsubscribe link (``emails.py``).
"""
