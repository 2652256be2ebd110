"""Every visitor query of the judged set.

Written and graded on JUDGED_ON from the texts alone, before the set was first
run; a grade changed later carries its reason in the commit that changes it.
"""

from . import queries_intents, queries_places, queries_reentry, queries_towns, queries_words

JUDGED_ON = "2026-12-06"

QUERIES = [
    *queries_words.QUERIES,
    *queries_reentry.QUERIES,
    *queries_intents.QUERIES,
    *queries_places.QUERIES,
    *queries_towns.QUERIES,
]
