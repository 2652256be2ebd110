"""Postings in the UK: peer support and resettlement charities, cleaning, a
warehouse and van firm. Pay is in pounds; spelling is British."""

from ..models import Category, EmploymentType, ExperienceLevel, SalaryPeriod, Status, Workplace
from .base import (
    AFTER_OFFER_BASIC,
    BY_LAW_ENHANCED,
    BY_LAW_STANDARD,
    CPORS,
    CPSCP,
    MASS_INCARCERATION,
    REENTRY_MENTAL_HEALTH,
    DemoPosting,
)

SECOND_STRIDE = "second-stride-peer-mentoring"
HEARTHSTONE = "hearthstone-resettlement-trust"
KESTREL = "kestrel-and-brook-cleaning"
CLYDESIDE = "clydeside-crate-courier"
YEAR, HOUR = SalaryPeriod.YEAR, SalaryPeriod.HOUR

_ADULTS_AT_RISK_CHECKS = """\
About record checks:
This job means working closely with adults at risk, so the law lets us do an \
enhanced DBS check before we make an offer. Only a few offences rule people \
out. We ignore spent convictions, and we talk with you before we decide."""

_PRISON_VETTING = """\
About record checks:
You will work inside prisons, so the law says the prison service must clear \
you before we can offer you the job. Having a record does not rule you out on its own. We \
ignore spent convictions and look at each person fairly."""

POSTINGS = [
    DemoPosting(
        employer=SECOND_STRIDE,
        title="Peer support worker",
        duties=("vulnerable_adults",),
        category=Category.PEER_SUPPORT,
        places=("Leeds",),
        days_ago=10,
        pay=(24500, 26500, YEAR),
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_ENHANCED,
        featured=True,
        skills=("peer mentoring", "listening", "recovery support", "lived experience"),
        body=f"""\
Have you been to prison, or through addiction, and rebuilt your life? Help \
someone else do the same.

What you will do:
- Meet people at the prison gate on the day they are released
- Help with the first week: a GP, a bank account, a place to stay
- Meet each person every week for up to six months
- Share your story when it helps

What you get:
- Full training, and a mentor of your own
- Time off for your own appointments
- Travel costs paid

{_ADULTS_AT_RISK_CHECKS}""",
    ),
    DemoPosting(
        employer=SECOND_STRIDE,
        title="Peer mentor coordinator",
        category=Category.PEER_SUPPORT,
        places=("Manchester",),
        days_ago=34,
        pay=(28000, 31000, YEAR),
        experience=ExperienceLevel.SOME,
        preferred=(CPSCP, MASS_INCARCERATION),
        checks=AFTER_OFFER_BASIC,
        apply="second-stride-jobs@example.org",
        skills=("volunteer management", "training", "safeguarding", "rotas"),
        body="""\
You will recruit, train and support our team of volunteer peer mentors in \
Greater Manchester.

What you will do:
- Find and train new peer mentors
- Match mentors with people leaving prison
- Check in with every mentor each month
- Keep simple records for our funders

What you get:
- 37.5 hours a week, with some flexibility
- 28 days of holiday plus bank holidays

To apply, email us a CV and a few lines on why peer support matters to you.

We only look at records after we offer you this job, with a basic DBS check.""",
    ),
    DemoPosting(
        employer=SECOND_STRIDE,
        title="Women's peer mentor (part time)",
        category=Category.PEER_SUPPORT,
        places=("LS2",),
        employment_type=EmploymentType.PART_TIME,
        days_ago=66,
        pay=(13.45, 14.2, HOUR),
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_ENHANCED,
        skills=("peer mentoring", "trauma-informed care", "listening", "advocacy"),
        body=f"""\
You will support women leaving prison in Leeds. Many are mothers working to \
get their children back, and many have lived through abuse.

What you will do:
- Meet women before and after release
- Go with them to housing, health and family court appointments
- Run a small weekly group

What you get:
- 21 hours a week, school hours if you need them
- Training in trauma-informed care

{_ADULTS_AT_RISK_CHECKS}""",
    ),
    DemoPosting(
        employer=SECOND_STRIDE,
        title="Peer support worker, Bradford",
        duties=("vulnerable_adults",),
        category=Category.PEER_SUPPORT,
        places=("Bradford",),
        days_ago=130,
        pay=(24500, 26500, YEAR),
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_ENHANCED,
        status=Status.EXPIRED,
        skills=("peer mentoring", "listening"),
        body=f"""\
Help people leaving prison in Bradford through their first months home.

{_ADULTS_AT_RISK_CHECKS}""",
    ),
    DemoPosting(
        employer=HEARTHSTONE,
        title="Resettlement case worker",
        category=Category.CASE_MANAGEMENT,
        places=("E1",),
        days_ago=16,
        pay=(29000, 32500, YEAR),
        experience=ExperienceLevel.SOME,
        required=(MASS_INCARCERATION,),
        preferred=(CPORS,),
        checks=BY_LAW_STANDARD,
        skills=("case management", "housing", "benefits", "needs assessment"),
        body=f"""\
You will work with men in a London prison in their last twelve weeks before \
release, and for three months after.

What you will do:
- Assess what each person needs: housing, money, ID, health
- Make a plan with them and book what they need before release
- Meet them at the gate and help with the first weeks
- Work with probation practitioners and local councils

What you get:
- London weighting on top of the pay shown
- 27 days of holiday plus bank holidays
- Paid training and supervision

{_PRISON_VETTING}""",
    ),
    DemoPosting(
        employer=HEARTHSTONE,
        title="Resettlement mental health practitioner",
        category=Category.MENTAL_HEALTH,
        places=("Birmingham",),
        days_ago=24,
        pay=(32000, 36000, YEAR),
        experience=ExperienceLevel.EXPERIENCED,
        required=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_ENHANCED,
        skills=("trauma-informed care", "crisis support", "dual diagnosis", "multi-agency work"),
        body=f"""\
You will support people with mental-health needs as they leave prison, so \
their care carries on without a gap.

What you will do:
- Meet people in prison and plan their care after release
- Link them to community mental-health teams and GPs
- Help people through a crisis
- Work with drug and alcohol services on shared cases

What you need:
- Experience in mental-health support
- The Career Advancement Programme in Reentry Mental Health Services

{_ADULTS_AT_RISK_CHECKS}""",
    ),
    DemoPosting(
        employer=HEARTHSTONE,
        title="Through-the-gate case manager",
        category=Category.CASE_MANAGEMENT,
        places=("Bristol",),
        days_ago=57,
        pay=(28500, 31000, YEAR),
        experience=ExperienceLevel.SOME,
        preferred=(CPORS, CPSCP),
        checks=BY_LAW_STANDARD,
        skills=("case management", "reentry planning", "partnership work", "report writing"),
        body=f"""\
"Through the gate" means we start before release and carry on after it. You \
will be the one steady person each client can rely on.

What you will do:
- Plan release with each person and the prison team
- Book housing, GP and benefits appointments for the first week
- Keep in touch for up to six months

What you get:
- A small caseload, so you have time
- Help to gain CPORS or CPSCP

{_PRISON_VETTING}""",
    ),
    DemoPosting(
        employer=HEARTHSTONE,
        title="Housing support officer",
        category=Category.CARE,
        places=("Birmingham",),
        days_ago=101,
        pay=(25500, 27500, YEAR),
        checks=AFTER_OFFER_BASIC,
        skills=("tenancy support", "benefits", "budgeting", "listening"),
        body="""\
You will help people in our move-on flats keep their home and get ready to \
live on their own.

What you will do:
- Visit tenants each week
- Help with bills, benefits and budgeting
- Sort out repairs with the landlord

We only look at records after we offer you this job, with a basic DBS check.""",
    ),
    DemoPosting(
        employer=KESTREL,
        title="Office cleaner, evenings",
        category=Category.CLEANING,
        places=("E1",),
        employment_type=EmploymentType.PART_TIME,
        days_ago=5,
        pay=(14.8, 14.8, HOUR),
        featured=True,
        skills=("cleaning", "working alone", "time keeping"),
        body="""\
Clean offices near Aldgate after the staff have gone home.

What you will do:
- Empty bins, vacuum and mop floors
- Clean kitchens and toilets
- Lock up safely at the end of the shift

What you get:
- Monday to Friday, 6pm to 9pm
- The London Living Wage
- A paid induction and all your kit

No experience needed. We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=KESTREL,
        title="Cleaning team supervisor",
        category=Category.CLEANING,
        places=("Birmingham",),
        days_ago=48,
        pay=(13.45, 14.5, HOUR),
        experience=ExperienceLevel.SOME,
        apply="https://example.org/kestrel-and-brook-cleaning/jobs/team-supervisor",
        skills=("team leading", "cleaning", "health and safety", "rotas"),
        body="""\
Lead a team of six cleaners across city-centre shops and offices.

What you will do:
- Plan shifts and cover for sickness
- Check work and train new starters
- Order supplies and keep safety records

What you get:
- Early shifts, 5am to 12 noon
- A work phone

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=KESTREL,
        title="Window cleaner",
        category=Category.CLEANING,
        places=("Bristol",),
        days_ago=80,
        pay=(13.45, 15, HOUR),
        skills=("working at height", "cleaning", "customer service"),
        body="""\
Clean shop and office windows around Bristol, from the ground and with \
water-fed poles.

What you will do:
- Clean windows, frames and signs
- Drive our van between jobs (we can help you get a licence)

What you get:
- Full training in working safely at height
- Daytime hours, Monday to Friday

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=CLYDESIDE,
        title="Warehouse operative",
        category=Category.WAREHOUSE,
        places=("Glasgow",),
        days_ago=8,
        pay=(12.6, 13.2, HOUR),
        skills=("picking and packing", "stock control", "teamwork"),
        body="""\
Pick, pack and load orders in our warehouse near the city centre.

What you will do:
- Pick orders using a hand-held scanner
- Pack and label parcels
- Load our vans in the morning

What you get:
- Day shifts, Monday to Friday
- Training on the job, and a forklift licence if you want one

We never ask about criminal records.""",
    ),
    DemoPosting(
        employer=CLYDESIDE,
        title="Multi-drop van driver",
        duties=("driving",),
        category=Category.DRIVING,
        places=("Manchester",),
        days_ago=31,
        pay=(13, 14.5, HOUR),
        experience=ExperienceLevel.SOME,
        skills=("driving", "route planning", "customer service"),
        body="""\
Deliver parcels to shops and homes around Greater Manchester in one of our \
vans.

What you will do:
- Load your van and plan your route
- Deliver about 80 parcels a day
- Take photos as proof of delivery

What you need:
- A full UK driving licence

We never ask about criminal records.""",
    ),
    DemoPosting(
        employer=CLYDESIDE,
        title="Delivery support adviser (remote)",
        category=Category.RETAIL,
        places=(),
        workplace=Workplace.REMOTE,
        open_to_region="Scotland",
        employment_type=EmploymentType.PART_TIME,
        days_ago=9,
        pay=(12.6, 13.5, HOUR),
        skills=("customer service", "phone support", "typing"),
        body="""\
Answer calls and messages from customers about their deliveries, from home. \
You need to live in Scotland: our shifts follow the Glasgow depot.

What you will do:
- Track parcels and tell people when they will arrive
- Rebook missed deliveries
- Pass problems to the drivers' team

What you get:
- A laptop and headset
- Paid training online in your first week

We never ask about criminal records.""",
    ),
]
