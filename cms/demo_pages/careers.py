"""The five reentry career paths, in our own words."""

from cms.models import CareerPathIndexPage, CareerPathPage
from jobs.models import Category, Credential

CAREER_PATHS = [
    {
        "slug": "probation-officer",
        "title": "Probation officer",
        "category": Category.PROBATION,
        "intro": (
            "Probation officers supervise people on probation or parole, and help them "
            "keep to the rules a court has set while they rebuild their lives."
        ),
        "the_work": (
            "<p>You look after a caseload of people who have left prison or been "
            "given a sentence in the community. You meet them often, check they are "
            "keeping to their conditions, and help them make progress.</p>"
            "<p>The job is a balance: you hold people to the rules, and you also help "
            "them find work, learning and treatment. Training goes on through your "
            "career, so you keep up with methods that research shows work.</p>"
        ),
        "duties": (
            "<ul><li>Meet people on your caseload and check their progress</li>"
            "<li>Write a supervision plan for each person</li>"
            "<li>Talk problems through with them</li>"
            "<li>Refer them to work, education, mental-health and drug or alcohol "
            "services</li>"
            "<li>Work with community groups, social services and treatment providers</li>"
            "<li>Write reports for courts and parole boards</li></ul>"
        ),
        "credentials": ["cpors"],
        "related": ["correctional-treatment-specialist", "reentry-case-manager"],
    },
    {
        "slug": "correctional-treatment-specialist",
        "title": "Correctional treatment specialist",
        "category": Category.CORRECTIONAL_TREATMENT,
        "intro": (
            "Correctional treatment specialists plan the support and treatment people "
            "get in prison, on probation or on parole."
        ),
        "the_work": (
            "<p>The work is close to a probation officer's, with more focus on "
            "treatment and planning. You get to know each person, work out what they "
            "need, and plan the help that gives them the best chance when they are "
            "released.</p>"
        ),
        "duties": (
            "<ul><li>Assess each person's needs and risks</li>"
            "<li>Write treatment and release plans</li>"
            "<li>Counsel people one to one and in groups</li>"
            "<li>Link people to education, work and treatment</li>"
            "<li>Keep careful records and write reports</li></ul>"
        ),
        "credentials": ["cpors", "cpscp"],
        "related": ["probation-officer", "reentry-mental-health-worker"],
    },
    {
        "slug": "reentry-case-manager",
        "title": "Reentry case manager",
        "category": Category.CASE_MANAGEMENT,
        "intro": (
            "Reentry case managers plan and join up the help someone needs when they "
            "leave prison: a home, work, benefits and treatment."
        ),
        "the_work": (
            "<p>You start before or just after release. You sit down with the person, "
            "find out what they need, and make a plan together. Then you make the "
            "calls, fill in the forms and keep the plan moving, so nothing falls "
            "through the gaps.</p>"
        ),
        "duties": (
            "<ul><li>Assess what each person needs</li>"
            "<li>Find housing and help with applications for benefits and ID</li>"
            "<li>Link people to jobs, training and treatment</li>"
            "<li>Check in often and change the plan when things change</li>"
            "<li>Work with probation, health and housing services</li></ul>"
        ),
        "credentials": [
            "cpors",
            "mass-incarceration-social-services",
            "reentry-mental-health-services",
        ],
        "related": ["peer-support-specialist", "probation-officer"],
    },
    {
        "slug": "peer-support-specialist",
        "title": "Peer support specialist",
        "category": Category.PEER_SUPPORT,
        "intro": (
            "Peer support specialists have lived through prison or recovery themselves, "
            "and use that experience to guide others through it."
        ),
        "the_work": (
            "<p>Your own story is part of the job. You mentor people who are where "
            "you once were: you listen, share what helped you, and show that a new "
            "start is possible. In this job, lived experience is a strength, not a "
            "barrier.</p>"
        ),
        "duties": (
            "<ul><li>Meet people one to one, and run group sessions</li>"
            "<li>Go with people to appointments when they need support</li>"
            "<li>Help people set goals and keep to them</li>"
            "<li>Tell the wider team what people need</li></ul>"
        ),
        "credentials": ["reentry-mental-health-services"],
        "related": ["reentry-case-manager", "reentry-mental-health-worker"],
    },
    {
        "slug": "reentry-mental-health-worker",
        "title": "Reentry mental-health worker",
        "category": Category.MENTAL_HEALTH,
        "intro": (
            "Reentry mental-health workers and counsellors support people's mental "
            "health as they move from prison or hospital back into the community."
        ),
        "the_work": (
            "<p>Leaving prison or hospital is a big change, and it can be a risky "
            "time for mental health. You help people through it, often alongside "
            "work on drug or alcohol use and other health conditions.</p>"
        ),
        "duties": (
            "<ul><li>Assess people's mental health and risks</li>"
            "<li>Offer counselling and support</li>"
            "<li>Respond when someone is in crisis</li>"
            "<li>Work with doctors, housing and probation as one team</li>"
            "<li>Help people stay in touch with services after release</li></ul>"
        ),
        "credentials": ["reentry-mental-health-services", "mass-incarceration-social-services"],
        "related": ["peer-support-specialist", "correctional-treatment-specialist"],
    },
]


def load_career_paths(index: CareerPathIndexPage) -> list[CareerPathPage]:
    pages, created = {}, []
    for data in CAREER_PATHS:
        page = CareerPathPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            fields = {k: v for k, v in data.items() if k not in {"credentials", "related"}}
            page = CareerPathPage(**fields)
            page.helpful_credentials = list(Credential.objects.filter(slug__in=data["credentials"]))
            index.add_child(instance=page)
            created.append(data)
        pages[data["slug"]] = page
    # Related paths point at each other, so they are linked once all exist.
    for data in created:
        page = pages[data["slug"]]
        page.related_paths = [pages[slug] for slug in data["related"]]
        page.save_revision().publish()
    return list(pages.values())
