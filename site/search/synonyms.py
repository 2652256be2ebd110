"""Related job titles and trade words: the one curated table of them.

Each group is a set of titles that people searching for one of them want to
find as well, in the words used in the United States and in the United
Kingdom. The text function (``fairsite.search.text``) applies the table the
same way on both sides:

- a document field that holds one of a group's phrases also holds the group's
  token (``GROUP_PREFIX`` + its key), after its words: "Bar staff" is indexed
  as ``bar staff zsynbartender``;
- in a query, a phrase of a group is replaced by the group's token, the
  longest phrase first, so "bartender", "barman" and "bar staff" all search for
  ``zsynbartender`` and each finds postings written with any of them.

So a query finds exactly the postings that hold its words, with a group's
phrase standing for the whole group; an alert stores the same words and a
posting's searched tokens hold the same group tokens, so alerts still fire
exactly when the search page would list the posting. A phrase of two or more
words counts where its words stand together ("bar staff", not "staff at the
bar"), after word forms: "truck driving" is "truck driver".

``within`` names broader groups: a document holding one of the group's
phrases holds the broader groups' tokens too, while a query keeps its own
group's token. So "case manager" finds a resettlement worker (one kind of case
work) but "resettlement worker" does not find every case manager. Documents
alone change, so alerts still agree.

``unless`` lists longer phrases inside which a phrase does not count: a
"forklift truck driver" is not a truck driver. Each of those phrases belongs to
another group, so the query side's longest-phrase rule agrees.

Choices, and why:

- Cleaners are not janitors. A caretaker, custodian or janitor looks after a
  building (repairs, opening up, cleaning); "cleaner" is a wider word (office,
  domestic and hospital cleaning) with its own group.
- Support workers are not carers. In the UK "support worker" also means
  housing, mental-health and resettlement roles, and it sits inside "peer
  support worker"; care workers, caregivers and home health aides are one group.
- Cashiers are not shop assistants. A US cashier works the till; a shop
  assistant or sales associate works the floor. Each has its own group.
- Healthcare assistants and nursing assistants (CNA) are a group of their own,
  next to carers: hospital and nursing-home work rather than home care.
- Reentry and resettlement work is case work. A US reentry case manager,
  navigator or coordinator and a UK resettlement worker or officer do one job
  (a caseload of people leaving prison: housing, benefits, work), so they are
  one group, and that group is within case work: a search for "case manager"
  or "caseworker" finds them, a search for "resettlement worker" finds them
  and not every hospital or housing case manager. Probation officers hold a
  caseload too, but for a court, with powers a case manager has not: their own
  group, not within case work.
- The reentry field has several names: a "reentry" search finds work with
  people who are "justice-involved", "formerly incarcerated" or "returning
  citizens". Not "resettlement" alone: in the US that is mostly refugee
  resettlement (the UK's resettlement titles are in the reentry workers' group).
- "Behavioral health" is the US services' name for mental health work
  (British spelling joins by word forms).
- Night work. "Night" alone is a phrase (it is how ads say when the work is:
  "Night baker", "Warehouse operative - nights"), so "overnight", "graveyard
  shift" and "third shift" find it and the reverse; an ad that says "home
  every night" joins too, as it already matched "night".
- Single words that are also ordinary words in job ads ("driver", "care",
  "staff", "maintenance") are never a phrase of a group, so a posting that
  merely mentions them does not join it.

No public occupational taxonomy on PyPI fitted: O*NET and ESCO are published as
data files rather than packages, their alternate titles are US-only or
European, and they know none of the reentry professions' credentials. This
table is small enough to read, and every group has a test against the real
index (tests/jobs/test_search_words.py).
"""

from __future__ import annotations

from .related_titles import JOB_TITLES, Group, group

# Every group token starts with this. No English word does, and it is made of
# [a-z] only, so the standard tokenizer keeps it as one token.
GROUP_PREFIX = "zsyn"


# The fields of work, shifts and credentials, after the job titles; one table.
GROUPS: dict[str, Group] = {
    **JOB_TITLES,
    "reentry": group(
        """
        reentry
        justice involved
        formerly incarcerated
        returning citizen
        """
    ),
    "mentalhealth": group(
        """
        mental health
        behavioral health
        """
    ),
    "nightshift": group(
        """
        night
        nightshift
        night shift
        night work
        night worker
        overnight
        overnight shift
        graveyard shift
        third shift
        3rd shift
        """
    ),
    # Credentials of the reentry professions, by name and abbreviation.
    "cpors": group(
        """
        cpors
        certified professional in offender reentry strategies
        """
    ),
    "cpscp": group(
        """
        cpscp
        certified professional in second chance programs
        """
    ),
    "cdl": group(
        """
        cdl
        commercial driver license
        commercial driving license
        """
    ),
    "cscs": group(
        """
        cscs card
        construction skills certification scheme
        """
    ),
}
