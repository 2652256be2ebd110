"""US reentry-profession postings of the judged set: probation, case management,
peer support, correctional treatment and reentry mental health."""

from .postings_us import PT, job

PROB, CTR, CM = "probation-parole", "correctional-treatment", "case-management"
PEER, MH = "peer-support", "mental-health"
CPORS, CPSCP = "cpors", "cpscp"
MASS, RMH = "mass-incarceration-social-services", "reentry-mental-health-services"
RB, NL, PP = "riverbend-probation", "new-leaf-reentry", "peer-path"
BG, OD = "bluegrass-corrections", "open-door-health"

POSTINGS = [
    job("rp-us-01", RB, "Probation Officer", PROB, "Richmond, VA",
        "Supervise adults on probation: home and work visits, drug tests, court reports, "
        "and linking people to treatment and jobs. Bachelor's degree. CPORS "
        "certification required.", required=(CPORS,),
        skills=("case management", "risk assessment")),
    job("rp-us-02", RB, "Adult Probation Officer I", PROB, "Petersburg, VA",
        "Entry-level probation officer. Carry a caseload of 60, write pre-sentence "
        "reports, and work with treatment providers. CPORS preferred.",
        preferred=(CPORS,)),
    job("rp-us-03", RB, "Probation and Parole Officer", PROB, "Chicago, IL",
        "Supervise people on parole after release from state prison. Field work across "
        "the South and West Sides."),
    job("rp-us-04", RB, "Senior Probation Officer", PROB, "Richmond, VA",
        "Lead a specialized caseload (mental health court) and mentor new officers. 5 "
        "years as a probation officer.", required=(CPORS,), preferred=(RMH,)),
    job("rp-us-05", RB, "Pretrial Services Officer", PROB, "Chicago, IL",
        "Interview people after arrest, check release conditions and report to judges."),
    job("rp-us-06", RB, "Probation Officer", PROB, "Chicago, IL",
        "Probation officer, juvenile unit.", status="draft"),
    job("cm-us-01", NL, "Reentry Case Manager", CM, "Oakland, CA",
        "Meet people before and after they leave prison and build a plan for housing, "
        "ID, benefits and work. Lived experience valued. CPORS a plus.",
        preferred=(CPORS,), skills=("case management",)),
    job("cm-us-02", NL, "Case Manager - Reentry Housing", CM, "Seattle, WA",
        "Support residents of our transitional housing program: goals, benefits, job "
        "search, and landlord relations."),
    job("cm-us-03", NL, "Reentry Case Manager (Remote)", CM, (),
        "Work from home anywhere in California. Phone and video check-ins with people "
        "on parole, and referrals to services in their county. CPSCP preferred.",
        workplace="remote", open_to={"country": "US", "region": "CA"},
        preferred=(CPSCP,)),
    job("cm-us-04", NL, "Reentry Navigator", CM, "Oakland, CA",
        "Walk alongside people coming home from prison for their first 90 days: rides to "
        "appointments, getting ID, first job applications."),
    job("cm-us-05", NL, "Employment Specialist - Reentry", CM, "Seattle, WA",
        "Help people with records get and keep jobs. Build relationships with "
        "fair-chance employers."),
    job("cm-us-06", NL, "Reentry Coordinator", CM, "Richmond, CA",
        "Coordinate our jail in-reach program and the case managers who follow people "
        "home. 3 years case management. Professional Certificate in Mass Incarceration "
        "and Social Services preferred.", preferred=(MASS,)),
    job("cm-us-07", NL, "Case Manager", CM, "Chicago, IL",
        "General case manager for adults leaving Cook County Jail."),
    job("cm-us-08", NL, "Transition Specialist", CM, (),
        "Remote role, open across the US. Help people plan their release from federal "
        "prison: housing, benefits and work. Certified Professional in Second Chance "
        "Programs (CPSCP) required.", workplace="remote", open_to={"country": "US"},
        required=(CPSCP,)),
    job("peer-us-01", PP, "Peer Support Specialist", PEER, "Philadelphia, PA",
        "Use your own experience of incarceration or recovery to support others. Group "
        "sessions and one-to-one support. CPSCP preferred.", preferred=(CPSCP,)),
    job("peer-us-02", PP, "Certified Peer Specialist", PEER, "Philadelphia, PA",
        "Pennsylvania Certified Peer Specialist for our outpatient recovery program."),
    job("peer-us-03", PP, "Peer Recovery Coach", PEER, "Camden, NJ",
        "Coach people in early recovery after release from jail."),
    job("peer-us-04", PP, "Peer Mentor - Reentry (Remote)", PEER, (),
        "Mentor people returning home, by phone and video. Remote, for Pennsylvania "
        "residents only.", workplace="remote", open_to={"country": "US", "region": "PA"}),
    job("peer-us-05", PP, "Peer Support Specialist (Part Time)", PEER, "Baltimore, MD",
        "20 hours a week supporting people in our reentry drop-in center.",
        employment_type=PT),
    job("peer-us-06", PP, "Recovery Support Specialist", PEER, "Philadelphia, PA",
        "Support people in recovery at our residential program. Lived experience "
        "required."),
    job("ct-us-01", BG, "Correctional Treatment Specialist", CTR, "Glasgow, KY",
        "Run substance-use and cognitive behavioral groups inside a state prison and "
        "plan each person's release. CPORS required.", required=(CPORS,)),
    job("ct-us-02", BG, "Substance Abuse Counselor - Corrections", CTR, "Bowling Green, KY",
        "Counsel people in our jail treatment program. Kentucky CADC or working toward "
        "it."),
    job("ct-us-03", BG, "Correctional Case Manager", CTR, "Louisville, KY",
        "Case management for people in a community corrections center: release plans, "
        "jobs and housing."),
    job("ct-us-04", BG, "Treatment Specialist (Correctional Facility)", CTR, "Glasgow, KY",
        "Deliver evidence-based programs (MRT, Thinking for a Change) to incarcerated "
        "adults."),
    job("ct-us-05", BG, "Correctional Officer", PROB, "Louisville, KY",
        "Keep people in custody and staff safe in a county detention center.",
        duties=("security",)),
    job("mh-us-01", OD, "Reentry Mental Health Clinician", MH, "Baltimore, MD",
        "Provide therapy and care coordination to adults with mental illness leaving "
        "prison. LCSW or LCPC. Career Advancement Programme in Reentry Mental Health "
        "Services required.", required=(RMH,)),
    job("mh-us-02", OD, "Mental Health Case Manager - Justice Involved", MH, "Atlanta, GA",
        "Case management for clients with serious mental illness who have been in jail."),
    job("mh-us-03", OD, "Behavioral Health Specialist (Remote)", MH, (),
        "Telehealth support for people on probation with mental health needs. Remote, "
        "open to US residents.", workplace="remote", open_to={"country": "US"}),
    job("mh-us-04", OD, "Forensic Mental Health Counselor", MH, "Baltimore, MD",
        "Counsel clients referred by the mental health court.", preferred=(RMH,)),
    job("mh-us-05", OD, "Crisis Support Worker", MH, "Atlanta, GA",
        "Evening and weekend crisis line and walk-in support.", employment_type=PT),
    job("mh-us-06", OD, "Reentry Therapist - Telehealth", MH, (),
        "See clients by video from home. Must be licensed in Maryland and live there.",
        workplace="remote", open_to={"country": "US", "region": "MD"}),
]  # fmt: skip
