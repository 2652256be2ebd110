"""The job-title part of the related-titles table (``fairsite.search.synonyms``
says how the table is used): the titles and trades people search by, each with
the other names it goes by in the United States and the United Kingdom."""

from __future__ import annotations

from typing import NamedTuple


class Group(NamedTuple):
    phrases: tuple[str, ...]
    unless: tuple[str, ...] = ()
    within: tuple[str, ...] = ()  # keys of broader groups


def group(phrases: str, unless: str = "", within: tuple[str, ...] = ()) -> Group:
    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in text.strip().splitlines() if line.strip())

    return Group(lines(phrases), lines(unless), within)


# key -> the phrases that mean the same job. Keys are lower-case [a-z] words.
JOB_TITLES: dict[str, Group] = {
    "bartender": group(
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
    "janitor": group(
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
    "cleaner": group(
        """
        cleaner
        cleaning operative
        cleaning assistant
        domestic assistant
        housekeeping attendant
        room attendant
        """
    ),
    "carer": group(
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
    "nursingassistant": group(
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
    "truckdriver": group(
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
    "forklift": group(
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
    "productionworker": group(
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
    "shopassistant": group(
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
    "cashier": group(
        """
        cashier
        checkout operator
        checkout assistant
        till operator
        """
    ),
    "reentryworker": group(
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
    "probationofficer": group(
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
    "warehouseoperative": group(
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
    "chef": group(
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
    "kitchenporter": group(
        """
        kitchen porter
        dishwasher
        dish washer
        pot washer
        kitchen steward
        """
    ),
    "securityofficer": group(
        """
        security officer
        security guard
        security agent
        security operative
        door supervisor
        """
    ),
    "peersupport": group(
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
    "substancecounselor": group(
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
    "carpenter": group(
        """
        carpenter
        joiner
        """
    ),
    "caseworker": group(
        """
        case manager
        case worker
        caseworker
        """
    ),
    "apprentice": group(
        """
        apprentice
        apprenticeship
        trainee
        """
    ),
    "handyman": group(
        """
        handyman
        handyperson
        maintenance technician
        maintenance worker
        maintenance operative
        multi trade operative
        """
    ),
    "laborer": group(
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
    "deliverydriver": group(
        """
        delivery driver
        van driver
        courier driver
        multi drop driver
        route driver
        """
    ),
    "callcenter": group(
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
}
