"""The four seeded credentials, each with its page, in our own words."""

from cms.models import CredentialIndexPage, CredentialPage
from jobs.models import Credential

from .tree import child_page

CREDENTIAL_PAGES = [
    {
        "credential": "cpors",
        "title": "Certified Professional in Offender Reentry Strategies (CPORS)",
        "intro": (
            "A credential for people who help others settle back into the community "
            "after prison. It shows you know how to plan a safe, steady return."
        ),
        "covers": (
            "<p>The course looks at what makes life hard after prison, and what helps.</p>"
            "<ul><li>The problems people meet when they come home, such as finding work "
            "or a place to live</li>"
            "<li>Ways to lower the chance that someone goes back to prison</li>"
            "<li>How to build a reentry plan with someone</li>"
            "<li>Help with work, housing and drug or alcohol treatment that research "
            "shows to work</li>"
            "<li>Judging risk and managing a caseload</li>"
            "<li>Working with probation and parole officers and social workers</li></ul>"
        ),
        "suits": (
            "<p>It suits people who already work with people leaving prison, or who want "
            "to. For example, staff in probation, social work, charities, community "
            "groups and social enterprises.</p>"
        ),
        "duration": "Several weeks to several months",
        "study_format": "Online study and workshops; some courses add a work placement",
        "learning_outcomes": (
            "<ul><li>Spot the problems a person faces after release</li>"
            "<li>Write a reentry plan together with them</li>"
            "<li>Link them to work, housing and treatment</li>"
            "<li>Work alongside probation and parole officers</li></ul>"
        ),
        "roles": (
            "<p>Jobs in corrections, probation services and social work, and in "
            "community groups, charities and social enterprises.</p>"
        ),
    },
    {
        "credential": "cpscp",
        "title": "Certified Professional in Second Chance Programs (CPSCP)",
        "intro": (
            "A credential for people who run or work in second-chance programmes: "
            "services that help people with a record find work and a steady life."
        ),
        "covers": (
            "<ul><li>Case management: planning and checking on the help each person gets</li>"
            "<li>Designing what a programme teaches</li>"
            "<li>The legal and ethical duties you owe to people who may be vulnerable</li>"
            "<li>Finding out what each person needs</li>"
            "<li>Helping someone in a crisis</li>"
            "<li>Helping people avoid going back to drugs or alcohol</li></ul>"
            "<p>Most courses end with an exam.</p>"
        ),
        "suits": (
            "<p>It suits people who want to lead or build programmes, not only work "
            "with one person at a time.</p>"
        ),
        "duration": "Several months to a year",
        "study_format": "Online modules, plus an internship or volunteering",
        "learning_outcomes": (
            "<ul><li>Assess what a person needs and plan their support</li>"
            "<li>Plan the lessons and activities of a programme</li>"
            "<li>Act calmly and safely in a crisis</li>"
            "<li>Keep to the law and to good practice</li></ul>"
        ),
        "roles": (
            "<p>Jobs in charities and other non-profits, government agencies, prisons "
            "and companies that run second-chance hiring.</p>"
        ),
    },
    {
        "credential": "mass-incarceration-social-services",
        "title": "Professional Certificate in Mass Incarceration and Social Services",
        "intro": (
            "A certificate about how sending large numbers of people to prison affects "
            "them, their families and their neighbourhoods, and how social services can help."
        ),
        "covers": (
            "<ul><li>What prison does to people, families and communities</li>"
            "<li>Finding out what a person needs</li>"
            "<li>Writing a service plan for one person</li>"
            "<li>Linking people to services that can help</li>"
            "<li>Case management and crisis support</li></ul>"
            "<p>Some courses also cover policy, restorative justice and trauma-informed "
            "care (care that takes account of what a person has been through).</p>"
        ),
        "suits": (
            "<p>It suits people who want to understand the bigger picture as well as "
            "help the person in front of them.</p>"
        ),
        "duration": "A few months to a year",
        "study_format": "Part time or full time",
        "learning_outcomes": (
            "<ul><li>Explain how prison affects families and communities</li>"
            "<li>Assess needs and write a service plan</li>"
            "<li>Connect people to housing, work and health services</li></ul>"
        ),
        "roles": (
            "<p>Case management, community outreach, running programmes, and speaking "
            "up for people with a record.</p>"
        ),
    },
    {
        "credential": "reentry-mental-health-services",
        "title": "Career Advancement Programme in Reentry Mental Health Services",
        "intro": (
            "A programme for people who support the mental health of others as they "
            "move back into the community from prison or hospital."
        ),
        "covers": (
            "<ul><li>Trauma-informed care</li>"
            "<li>Helping someone in a crisis</li>"
            "<li>Case management</li>"
            "<li>Talking well with people from many backgrounds</li>"
            "<li>Working in a team with other services</li>"
            "<li>The law and ethics of the work</li></ul>"
            "<p>Many courses also cover drug and alcohol use, having more than one "
            "condition at once, and recovery.</p>"
        ),
        "suits": (
            "<p>It suits case managers, peer support workers and counsellors who want "
            "to take on more of the mental-health side of reentry work.</p>"
        ),
        "duration": "Several months to a year or more",
        "study_format": "Online modules, workshops in person and supervised practice",
        "learning_outcomes": (
            "<ul><li>Support someone in a way that takes account of past trauma</li>"
            "<li>Respond safely when someone is in crisis</li>"
            "<li>Work with health, housing and justice services as one team</li></ul>"
        ),
        "roles": (
            "<p>Case managers, peer support specialists and counsellors in community "
            "groups, prisons and hospitals that run reentry programmes.</p>"
        ),
    },
]


def load_credential_pages(index: CredentialIndexPage) -> list[CredentialPage]:
    pages = []
    for data in CREDENTIAL_PAGES:
        credential = Credential.objects.filter(slug=data["credential"]).first()
        if credential is None:  # an editor removed it: no page to make
            continue
        existing = CredentialPage.objects.filter(credential=credential).first()
        if existing:
            pages.append(existing)
            continue
        fields = {key: value for key, value in data.items() if key != "credential"}
        pages.append(
            child_page(index, CredentialPage, credential.slug, credential=credential, **fields)
        )
    return pages
