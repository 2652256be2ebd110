"""Word banks for the benchmark's postings and employers.

Titles and descriptions are put together from these, with the earlier entries
of each list drawn more often (a Zipf-like skew), so that text search meets
the spread of term frequencies a real board has: "warehouse" and "support" in
thousands of postings, "phlebotomy" in a few dozen.
"""

from __future__ import annotations

from dataclasses import dataclass

from employers.models import Industry
from jobs.models import Category


@dataclass(frozen=True)
class CategoryWords:
    roles: tuple[str, ...]  # job titles, most common first
    skills: tuple[str, ...]
    tasks: tuple[str, ...]  # "What you will do" items
    lines: tuple[str, ...]  # sentences about the work
    duties: tuple[str, ...] = ()  # what the work may involve (RoleType keys)


def _split(text: str, separator: str = ";") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


def _w(roles: str, skills: str, tasks: str, lines: str, duties: str = "") -> CategoryWords:
    return CategoryWords(
        _split(roles), _split(skills), _split(tasks), _split(lines, "|"), _split(duties)
    )


CATEGORIES: dict[str, CategoryWords] = {
    Category.PROBATION: _w(
        "Probation officer; Parole officer; Probation services officer; Senior probation officer;"
        " Community supervision officer; Pre-sentence report writer; Probation case administrator",
        "risk assessment; report writing; motivational interviewing; case management;"
        " safeguarding; court work; supervision planning",
        "Supervise a caseload of people on probation; Write pre-sentence reports for the courts;"
        " Assess risk and plan supervision; Work with housing, treatment and employment services",
        "You will supervise people on community orders and licence.|"
        "Our officers help people build a life away from offending.|"
        "You will work closely with courts, police and community partners.",
        "vulnerable_adults; security",
    ),
    Category.CORRECTIONAL_TREATMENT: _w(
        "Correctional counselor; Substance use counselor; Treatment specialist;"
        " Program facilitator; Correctional case worker; Cognitive skills tutor",
        "group facilitation; cognitive behavioural therapy; relapse prevention; case notes;"
        " substance use treatment; de-escalation",
        "Run group programmes on thinking skills and recovery; Hold one-to-one sessions;"
        " Keep accurate case notes; Plan release with each person",
        "You will deliver treatment programmes inside a correctional facility.|"
        "Many of our staff have lived experience of the justice system.|"
        "Training in evidence-based programmes is provided.",
        "vulnerable_adults; security; health_care",
    ),
    Category.CASE_MANAGEMENT: _w(
        "Reentry case manager; Case manager; Reentry navigator; Housing case manager;"
        " Employment specialist; Reentry coordinator; Benefits advisor",
        "case management; needs assessment; housing support; benefits advice; resource linkage;"
        " crisis support; record keeping",
        "Meet people before and after release; Help people find housing and work;"
        " Link clients to benefits, treatment and ID documents; Keep case records up to date",
        "You will walk alongside people in the first months after release.|"
        "Our case managers carry small caseloads so they can do the work well.|"
        "You will help people get ID, housing, benefits and work.",
        "vulnerable_adults",
    ),
    Category.PEER_SUPPORT: _w(
        "Peer support specialist; Peer mentor; Recovery coach; Peer navigator;"
        " Lived experience mentor; Peer support worker; Community health worker",
        "peer support; mentoring; recovery support; active listening; lived experience;"
        " group facilitation; boundaries",
        "Mentor people returning home from prison; Share your own story where it helps;"
        " Go with people to appointments; Run peer groups",
        "Lived experience of the justice system is valued here.|"
        "You will use your own experience to help others recover and rebuild.|"
        "We offer peer support certification for new starters.",
        "vulnerable_adults",
    ),
    Category.MENTAL_HEALTH: _w(
        "Reentry mental health clinician; Mental health counselor; Forensic mental health nurse;"
        " Clinical social worker; Mental health support worker; Crisis worker",
        "trauma-informed care; crisis intervention; clinical assessment; dual diagnosis;"
        " care planning; safeguarding",
        "Assess people's mental health needs before release;"
        " Provide counselling and crisis support; Plan care with community teams;"
        " Keep clinical records",
        "You will support people with mental health needs as they leave custody.|"
        "Our team works in a trauma-informed way.|"
        "Clinical supervision is given every two weeks.",
        "vulnerable_adults; health_care",
    ),
    Category.OUTREACH: _w(
        "Community outreach worker; Reentry advocate; Policy advocate; Outreach coordinator;"
        " Volunteer coordinator; Community organizer",
        "outreach; advocacy; public speaking; volunteer management; community engagement;"
        " event planning",
        "Reach people in shelters and on the street; Speak at community events;"
        " Recruit and support volunteers; Advocate for fair-chance hiring",
        "You will build trust with people who are often overlooked.|"
        "Our advocates push for fair-chance laws in the state.|"
        "You will work evenings and some weekends.",
        "vulnerable_adults",
    ),
    Category.WAREHOUSE: _w(
        "Warehouse associate; Forklift operator; Picker packer; Warehouse operative;"
        " Shipping and receiving clerk; Inventory associate; Reach truck driver; Shift supervisor",
        "forklift; picking and packing; hand-held scanner; stock control; reach truck;"
        " loading and unloading; health and safety; teamwork",
        "Pick and pack orders with a scanner; Load and unload trucks; Count and put away stock;"
        " Keep the warehouse safe and tidy",
        "No experience needed: we train you in your first week.|"
        "Overtime is paid at time and a half.|"
        "We run day, night and weekend shifts.|"
        "Forklift certificates are paid for by us.",
        "driving",
    ),
    Category.CONSTRUCTION: _w(
        "Construction labourer; Carpenter; Electrician's mate; Plumber; Groundworker;"
        " Scaffolder; Painter and decorator; Bricklayer; Site supervisor",
        "carpentry; power tools; reading drawings; scaffolding; bricklaying; site safety;"
        " plumbing; electrical wiring",
        "Prepare sites and move materials; Work safely at height; Read drawings and measure;"
        " Keep tools and equipment in good order",
        "We pay for your site safety card.|"
        "Apprentices earn while they learn a trade.|"
        "You will work outdoors in all weathers.",
        "driving",
    ),
    Category.MANUFACTURING: _w(
        "Production operative; Machine operator; Assembler; CNC operator; Welder;"
        " Quality inspector; Production team leader",
        "machine operation; welding; quality control; CNC; lean manufacturing; assembly;"
        " measuring tools",
        "Run and clean production machines; Check parts against the drawing;"
        " Assemble products on the line; Report faults and keep records",
        "We make parts for cars, trucks and farm machines.|"
        "Shifts rotate every two weeks.|"
        "Welders can earn a certificate with us.",
    ),
    Category.HOSPITALITY: _w(
        "Line cook; Kitchen porter; Prep cook; Dishwasher; Chef de partie; Barista;"
        " Server; Sous chef; Catering assistant",
        "food preparation; food hygiene; knife skills; cooking; customer service;"
        " barista; cash handling",
        "Prepare food for service; Keep the kitchen clean and safe; Cook to our recipes;"
        " Serve customers with a smile",
        "Meals on shift are free.|"
        "Our kitchen trains people coming home from prison.|"
        "You will get your food hygiene certificate in your first month.",
        "cash",
    ),
    Category.RETAIL: _w(
        "Retail assistant; Customer service advisor; Cashier; Store associate;"
        " Call centre agent; Stock assistant; Assistant store manager",
        "customer service; cash handling; stock replenishment; till operation; phone skills;"
        " merchandising",
        "Help customers find what they need; Work the till; Fill shelves and check stock;"
        " Answer calls and emails from customers",
        "Staff discount from day one.|"
        "Flexible hours suit people with appointments to keep.|"
        "You will be part of a friendly store team.",
        "cash",
    ),
    Category.DRIVING: _w(
        "Delivery driver; Van driver; HGV driver; CDL truck driver; Courier;"
        " Bus driver; Multi-drop driver; Driver's mate",
        "clean driving licence; route planning; CDL; HGV licence; customer service;"
        " vehicle checks; manual handling",
        "Deliver parcels on a set route; Check your vehicle each morning;"
        " Load your van safely; Get signatures and photos at each drop",
        "A full driving licence is needed.|"
        "We help with the cost of your CDL or HGV training.|"
        "Routes start at 7am and finish by 5pm.",
        "driving",
    ),
    Category.CLEANING: _w(
        "Cleaner; Janitor; Facilities assistant; Caretaker; Housekeeping attendant;"
        " Grounds maintenance worker; Maintenance technician",
        "cleaning; floor care; grounds maintenance; basic repairs; health and safety;"
        " COSHH; time keeping",
        "Clean offices, schools and public buildings; Look after floors and grounds;"
        " Do small repairs; Report anything unsafe",
        "Early morning and evening shifts are available.|"
        "All equipment and uniform are provided.|"
        "Work in a small, supportive team.",
        "children; security",
    ),
    Category.CARE: _w(
        "Care assistant; Support worker; Home health aide; Personal care assistant;"
        " Residential support worker; Care coordinator; Phlebotomist",
        "personal care; medication support; safeguarding; phlebotomy; moving and handling;"
        " record keeping; empathy",
        "Support people with daily living in their homes; Help with personal care and meals;"
        " Give medication as prescribed; Write clear care notes",
        "Full training is given, including a care certificate.|"
        "Mileage is paid between visits.|"
        "Some roles need a check because the law requires it.",
        "vulnerable_adults; health_care; driving",
    ),
    Category.OFFICE: _w(
        "Administrator; Receptionist; Office assistant; Data entry clerk; Bookkeeper;"
        " Payroll clerk; Office manager",
        "data entry; Microsoft Office; bookkeeping; payroll; typing; scheduling; customer service",
        "Answer the phone and greet visitors; Keep records and files up to date;"
        " Enter data accurately; Book meetings and rooms",
        "Hybrid working after your first three months.|"
        "You will learn our systems from day one.|"
        "Monday to Friday, 9am to 5pm.",
        "cash",
    ),
    Category.TECHNOLOGY: _w(
        "Software developer; IT support technician; Junior web developer; Data analyst;"
        " Help desk analyst; QA tester; Cloud engineer",
        "Python; JavaScript; SQL; IT support; networking; Excel; testing; Linux",
        "Fix laptops and accounts for staff; Build and test web pages;"
        " Write SQL reports; Look after our cloud servers",
        "Our coding course graduates often join us.|"
        "Remote work is possible for most roles.|"
        "A laptop and training budget are provided.",
    ),
    Category.OTHER: _w(
        "General labourer; Security officer; Groundskeeper; Recycling operative;"
        " Events crew; Farm worker; Dog walker",
        "manual handling; teamwork; reliability; security; forklift; customer service",
        "Help wherever the team needs you; Set up and take down events;"
        " Sort materials for recycling; Patrol and keep the site secure",
        "No experience is needed.|Weekly pay.|Work outdoors with a friendly crew.",
        "security",
    ),
}

# Employers: which categories an industry hires for, and the words of its names.
INDUSTRY_CATEGORIES: dict[str, tuple[str, ...]] = {
    Industry.WAREHOUSE: (Category.WAREHOUSE, Category.DRIVING, Category.OFFICE),
    Industry.CONSTRUCTION: (Category.CONSTRUCTION, Category.OTHER, Category.DRIVING),
    Industry.MANUFACTURING: (Category.MANUFACTURING, Category.WAREHOUSE, Category.OFFICE),
    Industry.HOSPITALITY: (Category.HOSPITALITY, Category.CLEANING),
    Industry.RETAIL: (Category.RETAIL, Category.WAREHOUSE, Category.OFFICE),
    Industry.TRANSPORT: (Category.DRIVING, Category.WAREHOUSE),
    Industry.FACILITIES: (Category.CLEANING, Category.OTHER),
    Industry.HEALTH_CARE: (Category.CARE, Category.MENTAL_HEALTH, Category.OFFICE),
    Industry.SOCIAL_SERVICES: (
        Category.CASE_MANAGEMENT,
        Category.PEER_SUPPORT,
        Category.OUTREACH,
        Category.MENTAL_HEALTH,
    ),
    Industry.JUSTICE: (
        Category.PROBATION,
        Category.CORRECTIONAL_TREATMENT,
        Category.CASE_MANAGEMENT,
    ),
    Industry.TECHNOLOGY: (Category.TECHNOLOGY, Category.OFFICE, Category.RETAIL),
    Industry.OTHER: (Category.OTHER, Category.CLEANING, Category.RETAIL),
}

NAME_FIRST = _split(
    "Northgate; Riverside; Keystone; Harbor; Maple; Ironbridge; Lanternway; Second Start;"
    " Fresh Path; Open Door; Cornerstone; Bluebell; Summit; Pioneer; Granite; Willow;"
    " Beacon; Crossroads; New Leaf; Redwood; Meadow; Anchor; Brightwater; Oakfield;"
    " Foundry Row; Pinecrest; Cast Iron; Union; Parkside; Highland; Lakeshore; Prairie"
)

NAME_SECOND: dict[str, tuple[str, ...]] = {
    Industry.WAREHOUSE: ("Logistics", "Distribution", "Fulfilment", "Freight"),
    Industry.CONSTRUCTION: ("Builders", "Construction", "Trades Collective", "Contractors"),
    Industry.MANUFACTURING: ("Components", "Manufacturing", "Metalworks", "Fabrication"),
    Industry.HOSPITALITY: ("Kitchens", "Bakery", "Catering", "Table"),
    Industry.RETAIL: ("Stores", "Outfitters", "Market", "Home Goods"),
    Industry.TRANSPORT: ("Couriers", "Transport", "Delivery", "Haulage"),
    Industry.FACILITIES: ("Facilities", "Cleaning Co", "Property Services", "Grounds"),
    Industry.HEALTH_CARE: ("Care", "Home Health", "Health Partners", "Care Homes"),
    Industry.SOCIAL_SERVICES: ("Reentry Network", "Recovery Services", "Community Trust"),
    Industry.JUSTICE: ("Probation Service", "Corrections", "Justice Partners"),
    Industry.TECHNOLOGY: ("Digital", "Software", "Tech Academy", "Data"),
    Industry.OTHER: ("Enterprises", "Works", "Services", "Group"),
}

BENEFITS = (
    "Paid holiday from day one",
    "Health insurance after 30 days",
    "A pension or 401(k) with employer contributions",
    "Free parking or help with bus fares",
    "Paid training and certificates",
    "A mentor for your first three months",
    "Flexible hours for probation or parole appointments",
    "Weekly pay",
)

FAIR_CHANCE_LINES = {
    "never": "We never look at criminal records.",
    "after_offer": "We only look at records after we offer you the job, and we look at each "
    "person as an individual.",
    "before_offer_by_law": "The law requires a check before we can offer this role. We look at "
    "each person as an individual.",
}

TITLE_EXTRAS = (
    "night shift",
    "weekends",
    "part time",
    "days",
    "immediate start",
    "entry level",
    "evenings",
)
