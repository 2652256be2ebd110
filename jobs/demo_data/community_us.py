"""Certified-professional vacancies in US community reentry: case management,
peer support and reentry mental health."""

from ..models import Category, EmploymentType, ExperienceLevel, SalaryPeriod, Status, Workplace
from .base import (
    BY_LAW_STANDARD,
    CPORS,
    CPSCP,
    MASS_INCARCERATION,
    REENTRY_MENTAL_HEALTH,
    DemoPosting,
)

LANTERNWAY = "lanternway-reentry-network"
MEADOWLARK = "meadowlark-behavioral-health"
YEAR, HOUR = SalaryPeriod.YEAR, SalaryPeriod.HOUR

_CLINIC_CHECKS = """\
About record checks:
You will work with adults who may be at risk, so the law says we must look at \
records before we make an offer. Only a few offences rule people out. We look \
at each person on their own."""

POSTINGS = [
    DemoPosting(
        employer=LANTERNWAY,
        title="Reentry case manager, housing",
        category=Category.CASE_MANAGEMENT,
        places=("Chicago, IL",),
        days_ago=4,
        pay=(44000, 50000, YEAR),
        experience=ExperienceLevel.SOME,
        required=(MASS_INCARCERATION,),
        preferred=(CPORS,),
        skills=("case management", "housing advice", "benefits", "needs assessment"),
        body="""\
You will help people coming home from prison find a safe place to live and \
keep it.

What you will do:
- Meet people before and after release
- Find housing and help with rent, deposits and paperwork
- Link people to benefits, treatment and work
- Keep clear notes and a plan for each person

What you get:
- A caseload of about 20 people, so you have time for each one
- Paid time for training and credentials
- A team where lived experience is valued

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=LANTERNWAY,
        title="Reentry case manager, employment",
        category=Category.CASE_MANAGEMENT,
        places=("Atlanta, GA",),
        days_ago=29,
        pay=(43000, 49000, YEAR),
        experience=ExperienceLevel.SOME,
        preferred=(CPSCP, MASS_INCARCERATION),
        skills=("job coaching", "employer links", "resume writing", "case management"),
        body="""\
You will help people with records get into work and stay there. You will also \
build links with employers who give people a fair chance.

What you will do:
- Help people write resumes and practice interviews
- Find employers and set up job trials
- Stay in touch for the first months of each new job

What you get:
- Flexible hours
- A monthly transit pass
- Help to gain the CPSCP credential

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=LANTERNWAY,
        title="Peer support specialist",
        category=Category.PEER_SUPPORT,
        places=("Philadelphia, PA",),
        days_ago=13,
        pay=(19, 22, HOUR),
        preferred=(CPSCP, REENTRY_MENTAL_HEALTH),
        featured=True,
        skills=("mentoring", "listening", "recovery support", "lived experience"),
        body="""\
Have you been through prison and come out the other side? Use what you know to \
help people who are coming home now.

What you will do:
- Meet people on the day they are released
- Go with them to appointments when they need it
- Share what helped you, and listen to what they need
- Run a weekly peer group

What you get:
- Paid training in peer support
- Regular time with a supervisor
- Flexible hours around your own appointments

Your lived experience is what this job needs. We only look at records after we \
offer you this job.""",
    ),
    DemoPosting(
        employer=LANTERNWAY,
        title="Reentry helpline advisor (remote)",
        category=Category.OUTREACH,
        places=(),
        workplace=Workplace.REMOTE,
        employment_type=EmploymentType.PART_TIME,
        days_ago=36,
        pay=(18, 20, HOUR),
        preferred=(CPSCP,),
        skills=("phone support", "listening", "resource finding", "note taking"),
        body="""\
You will answer our helpline from home. People call us about housing, work, \
ID documents and benefits after release.

What you will do:
- Listen, and help people work out their next step
- Find local services and pass on their details
- Keep short notes of each call

What you get:
- 20 hours a week, on shifts you choose
- A laptop and headset
- Full training before your first call

You need a quiet place to work and a steady internet connection. We only look \
at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=LANTERNWAY,
        title="Reentry programs manager",
        category=Category.CASE_MANAGEMENT,
        places=("Chicago, IL",),
        days_ago=170,
        pay=(68000, 78000, YEAR),
        experience=ExperienceLevel.SENIOR,
        required=(CPSCP,),
        status=Status.FILLED,
        skills=("team leadership", "program design", "budgets", "reporting"),
        body="""\
You will lead our case managers and peer specialists in Chicago.

What you will do:
- Lead and support a team of ten
- Design programs with the people who use them
- Report to our funders in plain words

We only look at records after we offer you this job.""",
    ),
    DemoPosting(
        employer=MEADOWLARK,
        title="Reentry mental health counselor",
        category=Category.MENTAL_HEALTH,
        places=("Portland, OR",),
        days_ago=7,
        pay=(58000, 68000, YEAR),
        experience=ExperienceLevel.EXPERIENCED,
        required=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_STANDARD,
        skills=("trauma-informed care", "crisis support", "counseling", "co-occurring disorders"),
        body=f"""\
You will give counseling to adults in their first year after prison or a \
hospital stay. Many live with trauma, and some with addiction as well.

What you will do:
- Offer one-to-one counseling in our clinic and in people's homes
- Help people through a crisis and plan for the next one
- Work with probation officers, doctors and housing staff

What you need:
- A license to practice as a counselor in Oregon
- The Career Advancement Programme in Reentry Mental Health Services

{_CLINIC_CHECKS}""",
    ),
    DemoPosting(
        employer=MEADOWLARK,
        title="Forensic peer support specialist",
        category=Category.PEER_SUPPORT,
        places=("Portland, OR",),
        days_ago=39,
        pay=(20, 23, HOUR),
        preferred=(REENTRY_MENTAL_HEALTH, CPSCP),
        checks=BY_LAW_STANDARD,
        skills=("peer support", "recovery support", "listening", "advocacy"),
        body=f"""\
You will support people with mental-health needs who are leaving jail or \
prison. You have been through the justice system or mental-health care \
yourself, and you use that to build trust.

What you will do:
- Meet people before release and on the day they get out
- Help them get to their first appointments
- Speak up for them with services

What you get:
- Paid peer support training and certification
- A supervisor who has done this work

{_CLINIC_CHECKS}""",
    ),
    DemoPosting(
        employer=MEADOWLARK,
        title="Co-occurring disorders clinician",
        category=Category.MENTAL_HEALTH,
        places=("Philadelphia, PA",),
        workplace=Workplace.HYBRID,
        days_ago=90,
        pay=(60000, 72000, YEAR),
        experience=ExperienceLevel.EXPERIENCED,
        preferred=(REENTRY_MENTAL_HEALTH,),
        checks=BY_LAW_STANDARD,
        apply="meadowlark-careers@example.org",
        skills=("assessment", "treatment planning", "substance use", "telehealth"),
        body=f"""\
You will treat adults who live with both a mental-health condition and a \
substance-use problem. Many are on probation or parole.

What you will do:
- Assess people and plan their treatment with them
- See people in our clinic and by video
- Work with probation officers and peer specialists

What you get:
- Two days a week from home
- Paid time for training

To apply, email your resume and a short note about why this work matters to \
you.

{_CLINIC_CHECKS}""",
    ),
]
