"""Certified-professional vacancies in US probation and corrections agencies."""

from ..models import Category, ExperienceLevel, SalaryPeriod
from .base import (
    AFTER_OFFER_STANDARD,
    BY_LAW_ENHANCED,
    BY_LAW_STANDARD,
    CPORS,
    CPSCP,
    MASS_INCARCERATION,
    REENTRY_MENTAL_HEALTH,
    DemoPosting,
)

ASHGROVE = "ashgrove-county-adult-probation"
CEDAR_PLAINS = "cedar-plains-corrections"
YEAR, HOUR = SalaryPeriod.YEAR, SalaryPeriod.HOUR

_OFFICER_CHECKS = """\
About record checks:
The law says we must look at records before we offer an officer job. A few \
offences rule people out of this role by law. For anything else, we look at \
what happened, how long ago it was, and what it means for this job. We talk \
with you before we decide."""

_PRISON_CHECKS = """\
About record checks:
You will work inside a prison, so the law says we must look at records before \
we make an offer. Some offences rule people out of this role by law. For \
anything else, we look at each person on their own."""

POSTINGS = [
    DemoPosting(
        employer=ASHGROVE,
        title="Probation officer, adult caseload",
        category=Category.PROBATION,
        places=("Columbus, OH",),
        days_ago=20,
        pay=(52000, 64000, YEAR),
        experience=ExperienceLevel.SOME,
        required=(CPORS,),
        preferred=(MASS_INCARCERATION,),
        checks=BY_LAW_ENHANCED,
        apply="https://example.org/ashgrove-county-adult-probation/jobs/probation-officer",
        featured=True,
        skills=(
            "case management",
            "risk assessment",
            "report writing",
            "motivational interviewing",
        ),
        body=f"""\
You will supervise adults on probation and help them meet the conditions the \
court has set. Most of your caseload will be people in their first year on \
probation.

What you will do:
- Meet people in the office, at home and at work
- Build a supervision plan with each person
- Link people to jobs, training, housing and treatment
- Write clear reports for the court
- Work with treatment providers and community groups

What you need:
- A degree in criminal justice, social work or a similar subject
- The CPORS credential, or to finish it in your first year
- A driving license and a car you can use for work (we pay mileage)

{_OFFICER_CHECKS}""",
    ),
    DemoPosting(
        employer=ASHGROVE,
        title="Probation officer, reentry unit",
        category=Category.PROBATION,
        places=("Columbus, OH",),
        days_ago=52,
        pay=(54000, 66000, YEAR),
        experience=ExperienceLevel.EXPERIENCED,
        required=(CPORS,),
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_ENHANCED,
        apply="https://example.org/ashgrove-county-adult-probation/jobs/reentry-unit",
        skills=("reentry planning", "case management", "crisis support", "teamwork"),
        body=f"""\
Our reentry unit works with people who have just come home from prison. You \
will start working with each person before they are released, so the first \
weeks home go well.

What you will do:
- Plan each release with the person, their family and prison staff
- Help people find a place to live and a way to earn
- Balance the court's conditions with real support
- Work closely with mental-health and addiction services

What you need:
- At least three years in probation, parole or reentry work
- The CPORS credential
- Mental-health training, such as the Career Advancement Programme in Reentry \
Mental Health Services, would help

{_OFFICER_CHECKS}""",
    ),
    DemoPosting(
        employer=ASHGROVE,
        title="Juvenile probation officer",
        category=Category.PROBATION,
        places=("Westerville, OH",),
        days_ago=85,
        pay=(50000, 61000, YEAR),
        experience=ExperienceLevel.SOME,
        preferred=(CPORS, CPSCP),
        checks=BY_LAW_ENHANCED,
        skills=("work with young people", "family support", "report writing", "de-escalation"),
        body="""\
You will work with young people aged 12 to 17 on probation, and with their \
families. The aim is to keep them in school, out of trouble and on track.

What you will do:
- Meet young people at home, at school and in our office
- Make a plan with each young person and their family
- Link families to counseling, tutoring and youth programs
- Write reports for the juvenile court

What you get:
- Paid training in your first six months
- A pension and health insurance
- Help to gain CPORS or CPSCP if you don't have them yet

About record checks:
This job is with children, so the law says we must look at records before we \
make an offer. A few offences rule people out of this role. For anything else, \
we look at each person on their own.""",
    ),
    DemoPosting(
        employer=ASHGROVE,
        title="Probation office assistant",
        category=Category.OFFICE,
        places=("Columbus, OH",),
        days_ago=40,
        pay=(17, 19.5, HOUR),
        checks=AFTER_OFFER_STANDARD,
        skills=("customer service", "data entry", "phone calls", "filing"),
        body="""\
You will be the first person people meet when they come to our office. A warm \
welcome makes a hard day easier.

What you will do:
- Greet visitors and book appointments
- Answer the phone and pass on messages
- Keep files and our case system up to date

What you get:
- Monday to Friday, 8am to 4:30pm
- Paid time off from your first month
- Training on our systems

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=CEDAR_PLAINS,
        title="Correctional treatment specialist",
        category=Category.CORRECTIONAL_TREATMENT,
        places=("Huntsville, TX",),
        days_ago=9,
        pay=(46000, 55000, YEAR),
        experience=ExperienceLevel.SOME,
        required=(CPSCP,),
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_STANDARD,
        apply="https://example.org/cedar-plains-corrections/careers/treatment-specialist",
        skills=("needs assessment", "group work", "case notes", "relapse prevention"),
        body=f"""\
You will work with people in prison to plan for their release. You will help \
them build skills and link them to services they will need on the outside.

What you will do:
- Assess each person's needs when they arrive
- Run groups on anger, addiction and work skills
- Write treatment and release plans
- Work with parole officers on each release

What you need:
- The CPSCP credential
- Training in reentry mental health would help

{_PRISON_CHECKS}""",
    ),
    DemoPosting(
        employer=CEDAR_PLAINS,
        title="Correctional treatment specialist, substance use",
        category=Category.CORRECTIONAL_TREATMENT,
        places=("Houston, TX",),
        days_ago=44,
        pay=(48000, 57000, YEAR),
        experience=ExperienceLevel.SOME,
        preferred=(REENTRY_MENTAL_HEALTH, CPORS),
        checks=BY_LAW_STANDARD,
        skills=(
            "substance use",
            "co-occurring disorders",
            "group work",
            "motivational interviewing",
        ),
        body=f"""\
You will lead our substance-use program in a reentry center. Most people you \
work with will go home within a year.

What you will do:
- Run recovery groups and one-to-one sessions
- Plan support for people with both mental-health and substance-use needs
- Set up treatment to start on the day each person is released

What you get:
- State pension and health insurance
- Paid time to study for credentials
- A team that cares about what happens after release

{_PRISON_CHECKS}""",
    ),
    DemoPosting(
        employer=CEDAR_PLAINS,
        title="Parole officer",
        category=Category.PROBATION,
        places=("Houston, TX",),
        days_ago=77,
        pay=(50000, 60000, YEAR),
        experience=ExperienceLevel.SOME,
        required=(CPORS,),
        checks=BY_LAW_ENHANCED,
        apply="https://example.org/cedar-plains-corrections/careers/parole-officer",
        skills=("case management", "risk assessment", "court reports", "community links"),
        body=f"""\
You will supervise people released from prison on parole. You will help them \
keep to their conditions and build a settled life.

What you will do:
- Meet people at home, at work and in our office
- Build a supervision plan with each person
- Connect people to jobs, housing and treatment
- Act quickly and fairly when things go wrong

What you need:
- A degree, or four years of work in corrections or social services
- The CPORS credential

{_OFFICER_CHECKS}""",
    ),
    DemoPosting(
        employer=CEDAR_PLAINS,
        title="Reentry program coordinator",
        category=Category.CASE_MANAGEMENT,
        places=("Huntsville, TX",),
        days_ago=110,
        pay=(52000, 61000, YEAR),
        experience=ExperienceLevel.EXPERIENCED,
        preferred=(CPORS, MASS_INCARCERATION),
        checks=BY_LAW_STANDARD,
        skills=("program planning", "partnership work", "case management", "data"),
        body=f"""\
You will run the reentry program in one of our units. You will bring in local \
employers, housing groups and colleges, so people leave with a plan.

What you will do:
- Plan classes, job fairs and family days
- Build links with groups that help people after release
- Track how people do in their first year home

What you need:
- Three years or more in reentry or social services
- CPORS or the Professional Certificate in Mass Incarceration and Social \
Services would help

{_PRISON_CHECKS}""",
    ),
]
