"""Everyday jobs in the US: warehouses, driving, kitchens and factories."""

from ..models import Category, EmploymentType, ExperienceLevel, SalaryPeriod, Status
from .base import AFTER_OFFER_STANDARD, DemoPosting

PINECREST = "pinecrest-parcel-pallet"
CAST_IRON = "cast-iron-table-kitchens"
FOUNDRY_ROW = "foundry-row-components"
YEAR, HOUR = SalaryPeriod.YEAR, SalaryPeriod.HOUR

_AFTER_OFFER = "We only look at records after we offer you the job."
_NEVER = "We never look at criminal records."

POSTINGS = [
    DemoPosting(
        employer=PINECREST,
        title="Warehouse associate, night shift",
        category=Category.WAREHOUSE,
        places=("Columbus, OH",),
        days_ago=3,
        pay=(18.5, 20, HOUR),
        featured=True,
        skills=("picking and packing", "hand-held scanner", "teamwork", "lifting"),
        body=f"""\
Pick, pack and load orders for stores across Ohio. No experience needed: we \
train you on your first week.

What you will do:
- Pick orders with a hand-held scanner
- Pack boxes and build pallets
- Load trucks safely

What you get:
- Four nights a week, 10pm to 8:30am
- An extra $1.50 an hour for nights
- Health insurance after 30 days
- A free shuttle from downtown

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=PINECREST,
        title="Forklift operator",
        category=Category.WAREHOUSE,
        places=("Cleveland, OH",),
        days_ago=18,
        pay=(20, 23, HOUR),
        experience=ExperienceLevel.SOME,
        skills=("forklift", "reach truck", "stock control", "safety"),
        body=f"""\
Move stock around our Cleveland warehouse on a forklift or reach truck.

What you will do:
- Unload trucks and put stock away
- Bring stock to the packing lines
- Check your truck at the start of each shift

What you get:
- Day shifts, Monday to Friday
- We pay for your forklift certificate if you don't have one yet
- Health insurance and a 401(k)

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=PINECREST,
        title="Box truck delivery driver",
        duties=("driving",),
        category=Category.DRIVING,
        places=("Chicago, IL",),
        days_ago=47,
        pay=(22, 25, HOUR),
        experience=ExperienceLevel.SOME,
        checks=AFTER_OFFER_STANDARD,
        skills=("driving", "route planning", "customer service", "lifting"),
        body="""\
Drive one of our box trucks to stores around Chicago. You will be home every \
night.

What you will do:
- Load your truck and plan your stops
- Deliver to 10 to 15 stores a day
- Unload with a pallet jack

What you need:
- A regular driver's license (no CDL needed)

We look at records after we offer you the job. For this role we also look at \
your driving record, because our insurer asks us to.""",
    ),
    DemoPosting(
        employer=PINECREST,
        title="Warehouse shift lead",
        category=Category.WAREHOUSE,
        places=("Chicago, IL",),
        days_ago=96,
        pay=(24, 27, HOUR),
        experience=ExperienceLevel.EXPERIENCED,
        skills=("team leading", "scheduling", "warehouse systems", "coaching"),
        body=f"""\
Lead a team of 15 on our day shift. Every one of our shift leads started on \
the warehouse floor.

What you will do:
- Plan the work for each shift
- Coach new starters
- Keep the team safe and on time

What you get:
- A leadership course in your first year
- Health insurance and a 401(k)

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=PINECREST,
        title="Seasonal warehouse associate",
        category=Category.WAREHOUSE,
        places=("Columbus, OH",),
        employment_type=EmploymentType.TEMPORARY,
        days_ago=165,
        pay=(18, 19, HOUR),
        status=Status.EXPIRED,
        skills=("picking and packing", "teamwork"),
        body=f"""\
Help us through the holiday rush, from November to January. Many seasonal \
staff stay on.

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=CAST_IRON,
        title="Line cook",
        category=Category.HOSPITALITY,
        places=("Atlanta, GA",),
        days_ago=11,
        pay=(17, 20, HOUR),
        experience=ExperienceLevel.SOME,
        skills=("grill", "prep", "food safety", "working fast"),
        body=f"""\
Cook on the line in our busiest Atlanta kitchen. We cook Southern food from \
scratch.

What you will do:
- Work the grill or the fryer station
- Prep your station before service
- Keep your station clean and safe

What you get:
- A free meal every shift
- Tips shared with the kitchen
- A clear path to sous chef

{_NEVER}""",
    ),
    DemoPosting(
        employer=CAST_IRON,
        title="Dishwasher",
        category=Category.HOSPITALITY,
        places=("Houston, TX",),
        employment_type=EmploymentType.PART_TIME,
        days_ago=25,
        pay=(14, 15.5, HOUR),
        skills=("cleaning", "teamwork", "working fast"),
        body=f"""\
Keep our kitchen running. A good dishwasher is the heart of any kitchen, and \
many of our cooks started here.

What you will do:
- Wash dishes, pots and pans
- Keep the kitchen floor clean and safe
- Help with simple prep

What you get:
- Evening shifts, about 25 hours a week
- A free meal every shift
- Cooking training if you want it

{_NEVER}""",
    ),
    DemoPosting(
        employer=CAST_IRON,
        title="Prep cook",
        category=Category.HOSPITALITY,
        places=("Houston, TX",),
        days_ago=58,
        pay=(15.5, 17, HOUR),
        skills=("knife skills", "prep", "food safety"),
        body=f"""\
Get everything ready for service in our Houston kitchen.

What you will do:
- Cut vegetables, make sauces and portion meat
- Label and store food safely
- Help the line cooks when it gets busy

What you get:
- Early shifts, 6am to 2:30pm
- A free meal every shift

{_NEVER}""",
    ),
    DemoPosting(
        employer=CAST_IRON,
        title="Catering kitchen manager",
        category=Category.HOSPITALITY,
        places=("Atlanta, GA",),
        days_ago=150,
        pay=(55000, 62000, YEAR),
        experience=ExperienceLevel.SENIOR,
        status=Status.CLOSED,
        skills=("kitchen management", "ordering", "food safety", "team leading"),
        body=f"""\
Run our catering kitchen and its team of eight.

{_NEVER}""",
    ),
    DemoPosting(
        employer=FOUNDRY_ROW,
        title="CNC machine operator",
        category=Category.MANUFACTURING,
        places=("Cleveland, OH",),
        days_ago=15,
        pay=(21, 26, HOUR),
        experience=ExperienceLevel.SOME,
        skills=("CNC machines", "measuring tools", "reading drawings", "quality checks"),
        body=f"""\
Run CNC lathes and mills that make parts for farm and rail equipment.

What you will do:
- Load metal and start each job
- Measure parts and check them against the drawing
- Keep your machine clean and report faults

What you get:
- Day or night shift (nights pay $2 more an hour)
- Paid training on our machines
- Health insurance from your first month

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=FOUNDRY_ROW,
        title="Assembly technician",
        category=Category.MANUFACTURING,
        places=("Chicago, IL",),
        days_ago=63,
        pay=(19, 22, HOUR),
        skills=("hand tools", "assembly", "following instructions"),
        body=f"""\
Put together pumps and gearboxes by hand, following clear step-by-step \
instructions.

What you will do:
- Build parts into finished units
- Test each unit before it ships
- Keep the line tidy and safe

What you get:
- Day shifts, Monday to Friday
- No experience needed: we teach you everything

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=FOUNDRY_ROW,
        title="MIG welder",
        category=Category.MANUFACTURING,
        places=("Cleveland, OH",),
        days_ago=1,
        pay=(24, 29, HOUR),
        experience=ExperienceLevel.SOME,
        status=Status.PENDING_REVIEW,
        skills=("MIG welding", "reading drawings", "grinding"),
        body=f"""\
Weld steel frames for rail equipment in our Cleveland plant.

What you will do:
- MIG weld frames and brackets
- Grind and finish welds
- Check your work against the drawing

What you get:
- We pay for your welding certificates
- Health insurance and a 401(k)

{_AFTER_OFFER}""",
    ),
]
