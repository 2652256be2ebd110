"""Searching postings: the postings index and everything that reads it for a visitor.

Owns the index's mapping and documents (``index``; which writes queue a
posting for it is ``jobs.indexing``), the one query builder for
the page, the API, feeds and alerts (``queries``), the one rule for "jobs at a
place" (``places``), the pay bands (``pay``), reading the typed words
(``understanding``), the search form (``forms``), running a search and shaping
its results (``results``), never ending empty-handed (``recovery``), the page's
own links (``links``) and whose country a shared place name is read in
(``visitor_places``). It imports nothing of candidates or applications: the
person searching is handed in (``jobs.seekers``).
"""
