"""The demo employer login's own organisation: a postings dashboard with
something in every state an employer meets (live, expired, drafts, waiting
for review, and one an editor sent back with a reason)."""

from ..models import Category, EmploymentType, ExperienceLevel, SalaryPeriod, Status
from .base import DemoPosting

IRONBRIDGE = "ironbridge-builders-collective"
HOUR = SalaryPeriod.HOUR

_AFTER_OFFER = "We only look at records after we offer you the job."

# A draft that shows the wording checker at work: the flagged phrase is on purpose.
FLAGGED_DRAFT_TITLE = "Site safety assistant"

POSTINGS = [
    DemoPosting(
        employer=IRONBRIDGE,
        title="Carpenter's helper",
        category=Category.CONSTRUCTION,
        places=("Philadelphia, PA",),
        days_ago=6,
        pay=(19, 22, HOUR),
        featured=True,
        skills=("hand tools", "measuring", "framing", "teamwork"),
        body=f"""\
Work alongside our carpenters on home repairs and new builds. No experience \
needed: you will learn on the job.

What you will do:
- Carry and cut lumber
- Help frame walls and hang doors
- Keep the site tidy and safe

What you get:
- Monday to Friday, 7am to 3:30pm
- Your own tool kit after 90 days
- A mentor on every job

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="Apprentice electrician",
        category=Category.CONSTRUCTION,
        places=("Philadelphia, PA",),
        employment_type=EmploymentType.APPRENTICESHIP,
        days_ago=33,
        pay=(18, 21, HOUR),
        skills=("willing to learn", "math basics", "safety"),
        body=f"""\
Train to be a licensed electrician while you earn. Your pay goes up each year \
of the apprenticeship.

What you will do:
- Work with a licensed electrician on real jobs
- Pull wire, fit boxes and install lights
- Go to trade school one evening a week (we pay)

What you need:
- To be 18 or over
- A wish to learn a trade for life

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="Concrete finisher",
        category=Category.CONSTRUCTION,
        places=("Portland, OR",),
        days_ago=71,
        pay=(25, 31, HOUR),
        experience=ExperienceLevel.SOME,
        skills=("concrete finishing", "forms", "power trowel"),
        body=f"""\
Pour and finish slabs, steps and sidewalks on our Portland jobs.

What you will do:
- Set forms and place concrete
- Finish by hand and with a power trowel
- Help train newer crew members

What you get:
- Overtime in the summer
- Health insurance and paid holidays

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="Scaffold crew member",
        category=Category.CONSTRUCTION,
        places=("Portland, OR",),
        days_ago=140,
        pay=(20, 23, HOUR),
        status=Status.EXPIRED,
        skills=("working at height", "teamwork"),
        body=f"""\
Put up and take down scaffolding on our building sites. Full safety training \
given.

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="Flooring installer",
        category=Category.CONSTRUCTION,
        places=("Philadelphia, PA",),
        days_ago=1,
        pay=(22, 26, HOUR),
        experience=ExperienceLevel.SOME,
        status=Status.DRAFT,
        skills=("flooring", "tiling", "measuring"),
        body=f"""\
Fit wood, vinyl and tile floors in homes we are repairing.

What you will do:
- Prepare floors and lay new ones
- Cut and fit around doors and pipes

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title=FLAGGED_DRAFT_TITLE,
        category=Category.CONSTRUCTION,
        places=("Portland, OR",),
        days_ago=3,
        pay=(20, 23, HOUR),
        status=Status.DRAFT,
        skills=("health and safety", "record keeping", "site checks"),
        body="""\
Help our site manager keep everyone on site safe.

What you will do:
- Walk the site each morning and note hazards
- Check that people wear the right safety gear
- Keep the safety log up to date

You must pass a background check.""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="Drywall finisher",
        category=Category.CONSTRUCTION,
        places=("Philadelphia, PA",),
        days_ago=2,
        pay=(23, 27, HOUR),
        experience=ExperienceLevel.SOME,
        status=Status.PENDING_REVIEW,
        skills=("taping", "mudding", "sanding"),
        body=f"""\
Tape, mud and sand drywall so it is ready for paint.

What you will do:
- Finish new walls and ceilings
- Patch and repair old ones
- Keep dust under control

What you get:
- Steady work all year round
- Health insurance

{_AFTER_OFFER}""",
    ),
    DemoPosting(
        employer=IRONBRIDGE,
        title="House painter",
        category=Category.CONSTRUCTION,
        places=("Portland, OR",),
        days_ago=8,
        status=Status.REJECTED,
        rejection_reason=(
            "Please add the pay and the hours. People need both to decide whether "
            "to apply. Then send it for review again."
        ),
        skills=("painting", "prep work", "ladders"),
        body=f"""\
Paint the inside and outside of homes we repair.

{_AFTER_OFFER}""",
    ),
]
