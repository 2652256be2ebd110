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

from typing import NamedTuple

# Every group token starts with this. No English word does, and it is made of
# [a-z] only, so the standard tokenizer keeps it as one token.
GROUP_PREFIX = "zsyn"


class Group(NamedTuple):
    phrases: tuple[str, ...]
    unless: tuple[str, ...] = ()
    within: tuple[str, ...] = ()  # keys of broader groups


def _group(phrases: str, unless: str = "", within: tuple[str, ...] = ()) -> Group:
    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in text.strip().splitlines() if line.strip())

    return Group(lines(phrases), lines(unless), within)


# key -> the phrases that mean the same job. Keys are lower-case [a-z] words.
GROUPS: dict[str, Group] = {
    "bartender": _group(
        """
        bartender
        bar tender
        bar staff
        barman
        barmaid
        bar person
        bar worker
        bar attendant
        bar associate
        mixologist
        """
    ),
    "janitor": _group(
        """
        janitor
        janitorial
        custodian
        caretaker
        school caretaker
        building caretaker
        site caretaker
        """
    ),
    "cleaner": _group(
        """
        cleaner
        cleaning operative
        cleaning assistant
        domestic assistant
        housekeeping attendant
        room attendant
        """
    ),
    "carer": _group(
        """
        carer
        caregiver
        care giver
        care worker
        care assistant
        home carer
        home care worker
        home care aide
        home health aide
        personal care aide
        personal care assistant
        personal care worker
        domiciliary care worker
        domiciliary carer
        direct care worker
        direct support professional
        """
    ),
    "nursingassistant": _group(
        """
        healthcare assistant
        health care assistant
        nursing assistant
        certified nursing assistant
        cna
        nurse aide
        nursing aide
        patient care assistant
        """
    ),
    "truckdriver": _group(
        """
        truck driver
        truck driving
        trucker
        lorry driver
        hgv driver
        lgv driver
        cdl driver
        class a driver
        class a cdl driver
        class 1 driver
        class 2 driver
        tractor trailer driver
        semi truck driver
        otr driver
        long haul driver
        """,
        unless="""
        forklift truck driver
        fork lift truck driver
        reach truck driver
        pallet truck driver
        """,
    ),
    "forklift": _group(
        """
        forklift driver
        forklift operator
        forklift truck driver
        forklift truck operator
        fork lift
        fork lift driver
        fork lift operator
        fork lift truck driver
        flt driver
        flt operator
        reach truck driver
        reach truck operator
        pallet truck driver
        lift truck operator
        """
    ),
    "productionworker": _group(
        """
        production worker
        production operative
        production associate
        production operator
        factory worker
        factory operative
        factory hand
        factory work
        production work
        assembly worker
        assembly operative
        assembly line worker
        manufacturing worker
        manufacturing associate
        manufacturing operative
        """
    ),
    "shopassistant": _group(
        """
        shop assistant
        shop worker
        sales associate
        sales assistant
        retail assistant
        retail associate
        retail sales associate
        retail worker
        store associate
        store assistant
        customer assistant
        """
    ),
    "cashier": _group(
        """
        cashier
        checkout operator
        checkout assistant
        till operator
        """
    ),
    "reentryworker": _group(
        """
        resettlement worker
        resettlement officer
        resettlement caseworker
        resettlement case worker
        resettlement practitioner
        reentry worker
        reentry case manager
        reentry caseworker
        reentry case worker
        reentry specialist
        reentry coordinator
        reentry navigator
        reentry coach
        """,
        within=("caseworker",),
    ),
    "probationofficer": _group(
        """
        probation officer
        probation practitioner
        probation services officer
        probation agent
        parole officer
        parole agent
        community supervision officer
        """
    ),
    "warehouseoperative": _group(
        """
        warehouse operative
        warehouse associate
        warehouse worker
        warehouse assistant
        warehouse operator
        warehouse picker
        picker packer
        pick packer
        picker and packer
        order picker
        order selector
        fulfillment associate
        fulfillment center associate
        """
    ),
    "chef": _group(
        """
        chef
        cook
        line cook
        prep cook
        short order cook
        commis chef
        chef de partie
        sous chef
        """
    ),
    "kitchenporter": _group(
        """
        kitchen porter
        dishwasher
        dish washer
        pot washer
        kitchen steward
        """
    ),
    "securityofficer": _group(
        """
        security officer
        security guard
        security agent
        security operative
        door supervisor
        """
    ),
    "peersupport": _group(
        """
        peer support specialist
        peer support worker
        peer specialist
        peer support
        peer mentor
        peer recovery specialist
        peer recovery coach
        recovery coach
        certified peer specialist
        recovery support specialist
        lived experience practitioner
        """
    ),
    "substancecounselor": _group(
        """
        substance abuse counselor
        substance use counselor
        drug and alcohol counselor
        alcohol and drug counselor
        addiction counselor
        drug and alcohol worker
        substance misuse worker
        recovery worker
        cadc
        """
    ),
    "carpenter": _group(
        """
        carpenter
        joiner
        """
    ),
    "caseworker": _group(
        """
        case manager
        case worker
        caseworker
        """
    ),
    "apprentice": _group(
        """
        apprentice
        apprenticeship
        trainee
        """
    ),
    "handyman": _group(
        """
        handyman
        handyperson
        maintenance technician
        maintenance worker
        maintenance operative
        multi trade operative
        """
    ),
    "laborer": _group(
        """
        laborer
        general laborer
        construction laborer
        groundworker
        site operative
        construction operative
        construction worker
        """
    ),
    "deliverydriver": _group(
        """
        delivery driver
        van driver
        courier driver
        multi drop driver
        route driver
        """
    ),
    "callcenter": _group(
        """
        call center agent
        call center representative
        customer service representative
        customer service advisor
        customer service agent
        contact center agent
        contact center advisor
        """
    ),
    "reentry": _group(
        """
        reentry
        justice involved
        formerly incarcerated
        returning citizen
        """
    ),
    "mentalhealth": _group(
        """
        mental health
        behavioral health
        """
    ),
    "nightshift": _group(
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
    "cpors": _group(
        """
        cpors
        certified professional in offender reentry strategies
        """
    ),
    "cpscp": _group(
        """
        cpscp
        certified professional in second chance programs
        """
    ),
    "cdl": _group(
        """
        cdl
        commercial driver license
        commercial driving license
        """
    ),
    "cscs": _group(
        """
        cscs card
        construction skills certification scheme
        """
    ),
}
