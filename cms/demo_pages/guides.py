"""Guides for job seekers and employers, in our own plain words (reading age about 11).

They state the law only in outline and send readers to the official sources.
"""

from datetime import date

from django.utils import timezone

from cms.models import GuideIndexPage, GuidePage
from cms.models.guides import GuideAudience

GOV_UK_TELLING = (
    "https://www.gov.uk/tell-employer-or-college-about-criminal-record",
    "Telling an employer about your criminal record (GOV.UK)",
    "When you must tell, and when a conviction is spent.",
)
GOV_UK_BASIC_CHECK = (
    "https://www.gov.uk/request-copy-criminal-record",
    "Get a basic DBS check on yourself (GOV.UK)",
    "See what a basic check shows about you.",
)
DBS = (
    "https://www.gov.uk/government/organisations/disclosure-and-barring-service",
    "Disclosure and Barring Service (GOV.UK)",
    "The body that runs criminal record checks in England and Wales.",
)
ROA_1974 = (
    "https://www.legislation.gov.uk/ukpga/1974/53",
    "Rehabilitation of Offenders Act 1974 (legislation.gov.uk)",
    "The law itself, with its changes.",
)
EEOC_GUIDANCE = (
    "https://www.eeoc.gov/laws/guidance/enforcement-guidance-consideration-arrest-and-conviction-records-employment-decisions",
    "EEOC guidance on arrest and conviction records",
    "How US employers should weigh a record, from the Equal Employment Opportunity Commission.",
)
EEOC_APPLICANTS = (
    "https://www.eeoc.gov/laws/guidance/background-checks-what-job-applicants-and-employees-should-know",
    "Background checks: what job applicants should know (EEOC)",
    "Your rights when a US employer checks your background.",
)
WOTC = (
    "https://www.dol.gov/agencies/eta/wotc",
    "Work Opportunity Tax Credit (US Department of Labor)",
    "Who counts, and how to claim it.",
)
BONDING = (
    "https://bonds4jobs.com/",
    "The Federal Bonding Program",
    "Free bonds for new employees, funded by the US Department of Labor.",
)


def _text(html: str) -> dict:
    return {"type": "text", "value": html}


def _sources(*links: tuple[str, str, str], heading: str = "Where to check") -> dict:
    return {
        "type": "official_links",
        "value": {
            "heading": heading,
            "links": [{"url": u, "title": t, "description": d} for u, t, d in links],
        },
    }


GUIDES = [
    {
        "slug": "talking-about-your-record-at-interview",
        "title": "Talking about your record at a job interview",
        "audience": GuideAudience.JOB_SEEKERS,
        "tags": ["Interviews", "Your record"],
        "intro": (
            "What to say if your record comes up, and when you do not have to bring it up at all."
        ),
        "body": [
            _text(
                "<h2>You may not need to mention it</h2>"
                "<p>Every employer on this site says when they check records. Most only "
                "check after they offer you the job. Until then, the interview is about "
                "you and the work.</p>"
                "<p>In England and Wales, you do not have to tell most employers about a "
                "conviction that is spent. Some jobs, such as work with children, are "
                "different.</p>"
                "<h2>If it comes up</h2>"
                "<ul><li>Keep it short: say what happened in one or two sentences.</li>"
                "<li>Take responsibility. Do not blame others.</li>"
                "<li>Spend most of the time on what has changed since: work, training, "
                "volunteering, family, staying well.</li>"
                "<li>Link it back to the job: why you will be good at it.</li></ul>"
                "<h2>Practise first</h2>"
                "<p>Say your answer out loud to someone you trust, such as a friend, "
                "a mentor or a probation officer. It gets easier each time.</p>"
            ),
            _sources(GOV_UK_TELLING, EEOC_APPLICANTS),
        ],
    },
    {
        "slug": "what-a-check-level-means",
        "title": "What each level of criminal record check shows",
        "audience": GuideAudience.JOB_SEEKERS,
        "tags": ["Record checks", "England and Wales"],
        "intro": (
            "Employers in England and Wales use three levels of check. Each one shows "
            "a different amount."
        ),
        "body": [
            _text(
                "<h2>The three levels</h2>"
                "<ul><li><b>Basic check.</b> Shows only convictions that are not yet "
                "spent. Any employer can ask for one.</li>"
                "<li><b>Standard check.</b> Shows spent and unspent convictions, but "
                "some old or minor ones are filtered out under official rules. Only "
                "some jobs can ask for it.</li>"
                "<li><b>Enhanced check.</b> Shows what a standard check shows, and "
                "also information the police think is relevant. For some jobs it also "
                "checks the lists of people barred from working with children or "
                "vulnerable adults.</li></ul>"
                "<h2>On this site</h2>"
                "<p>Each job advert says which level the employer uses for that job, "
                "and when they do the check.</p>"
                "<p>You can get a basic check on yourself, so you know what an "
                "employer will see.</p>"
            ),
            _sources(GOV_UK_BASIC_CHECK, DBS),
        ],
    },
    {
        "slug": "spent-convictions",
        "title": "Spent convictions, and where to check yours",
        "audience": GuideAudience.JOB_SEEKERS,
        "tags": ["Your record", "England and Wales"],
        "intro": (
            "After a set time, most convictions become spent. Then, for most jobs in "
            "England and Wales, you do not have to mention them."
        ),
        "body": [
            _text(
                "<h2>What spent means</h2>"
                "<p>A law called the Rehabilitation of Offenders Act 1974 says that "
                "most convictions stop counting after a time. This time is called the "
                "rehabilitation period. The rules changed on 28 October 2023, and many "
                "periods became shorter.</p>"
                "<h2>How long it takes, for adults</h2>"
                "<ul><li>Community order: spent when the order ends.</li>"
                "<li>Prison for up to 1 year: spent 1 year after the whole sentence ends.</li>"
                "<li>Prison for over 1 year and up to 4 years: spent 4 years after the "
                "sentence ends.</li>"
                "<li>Prison for over 4 years: spent 7 years after the sentence ends. "
                "Some serious offences are never spent.</li></ul>"
                "<p>If you were under 18 when you were sentenced, the times are shorter.</p>"
                "<h2>When you still have to say</h2>"
                "<p>Some jobs are listed in a law called the Exceptions Order. Work with "
                "children or vulnerable adults, and some jobs in law, health and "
                "finance, are examples. For these, an employer can ask about spent "
                "convictions too.</p>"
                "<p>Check your own dates with the official sources below before you "
                "rely on them.</p>"
            ),
            _sources(GOV_UK_TELLING, ROA_1974, GOV_UK_BASIC_CHECK),
        ],
    },
    {
        "slug": "your-rights-under-ban-the-box-laws",
        "title": "Your rights under ban-the-box and fair-chance laws",
        "audience": GuideAudience.JOB_SEEKERS,
        "tags": ["Your rights", "United States"],
        "intro": (
            "In many parts of the US, employers must wait until after a job offer "
            "before they ask about a criminal record."
        ),
        "body": [
            _text(
                "<h2>What ban the box means</h2>"
                "<p>Job forms used to have a box asking if you had ever been convicted. "
                "Ban-the-box and fair-chance laws take that question off the form. The "
                "employer has to wait, usually until after they make you a conditional "
                "job offer.</p>"
                "<h2>Who the laws cover</h2>"
                "<p>A federal law, the Fair Chance to Compete for Jobs Act of 2019, "
                "covers federal agencies and companies that work for them. Many states "
                "and cities have their own laws, and some go further. Which rules "
                "apply depends on where the job is.</p>"
                "<h2>If an employer checks your background</h2>"
                "<ul><li>They must tell you, and get your permission in writing, before "
                "they get a background report.</li>"
                "<li>If they might turn you down because of the report, they must send "
                "you a copy first, so you can point out mistakes.</li>"
                "<li>If they do turn you down, they must tell you in a final notice.</li>"
                "</ul>"
                "<p>The Equal Employment Opportunity Commission (EEOC) says employers "
                "should look at you as a person, not turn you down by a blanket rule.</p>"
            ),
            _sources(EEOC_APPLICANTS, EEOC_GUIDANCE),
        ],
    },
    {
        "slug": "writing-fair-chance-job-adverts",
        "title": "Writing a fair-chance job advert",
        "audience": GuideAudience.EMPLOYERS,
        "tags": ["Job adverts", "Hiring"],
        "intro": (
            "A few clear words in your advert let people with records know they can "
            "apply, and stop good people from ruling themselves out."
        ),
        "body": [
            _text(
                "<h2>Say when you check</h2>"
                "<p>Tell people when you look at records, and what level of check you "
                "use. On this site your policy does this for you, on every advert.</p>"
                "<h2>Leave out words that screen people out</h2>"
                '<p>Phrases like "clean record" or "must pass a background check" make '
                "people stop reading. Our wording checker points them out before you "
                "send your advert for review, and suggests words that fit your policy.</p>"
                "<h2>Be exact about real limits</h2>"
                "<p>If the law rules out some offences for a role, such as driving "
                "offences for a driving job, say so for that role only. Do not add it "
                "to every job.</p>"
                "<h2>Say what support you offer</h2>"
                "<p>Mentoring, flexible hours for probation appointments, help with "
                "transport or training all tell people you mean it.</p>"
            ),
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Ready to post a job?",
                    "text": "Set out your fair-chance policy once, and it shows on every advert.",
                    "link_text": "Start hiring",
                    "link_url": "/hire/",
                },
            },
        ],
    },
    {
        "slug": "individualized-assessment",
        "title": "Individualized assessment: look at the person, not only the record",
        "audience": GuideAudience.EMPLOYERS,
        "tags": ["Hiring", "United States"],
        "intro": (
            "When a check shows a conviction, weigh it against the job in front of you, "
            "and give the person a chance to explain."
        ),
        "body": [
            _text(
                "<h2>Why not a blanket rule</h2>"
                '<p>A rule like "no one with a conviction" turns away people who '
                "would do the job well. US guidance from the EEOC (2012) asks employers "
                "to assess each person instead.</p>"
                "<h2>Three questions to ask</h2>"
                "<ul><li>What was the offence, and how serious was it?</li>"
                "<li>How long ago was it, and how long since the sentence ended?</li>"
                "<li>What does this job involve? Is the offence really linked to it?</li>"
                "</ul>"
                "<h2>Then talk to the person</h2>"
                "<p>Tell them what you found and let them respond. People often share "
                "what they have done since: work, training, references. Write down how "
                "you made your decision.</p>"
                "<p>If you use a background report, US law also sets out notices you "
                "must send before and after you decide.</p>"
            ),
            _sources(EEOC_GUIDANCE, heading="Official guidance"),
        ],
    },
    {
        "slug": "hiring-incentives",
        "title": "Help for employers who hire people with records (US)",
        "audience": GuideAudience.EMPLOYERS,
        "tags": ["Incentives", "United States"],
        "intro": (
            "Two federal programmes can lower the cost and risk of hiring someone "
            "with a conviction."
        ),
        "body": [
            _text(
                "<h2>Work Opportunity Tax Credit</h2>"
                "<p>A federal tax credit for hiring people from certain groups, which "
                "include some people with a felony conviction. You apply through your "
                "state workforce agency. There are deadlines soon after the person "
                "starts, so check the rules before you hire.</p>"
                "<h2>Federal Bonding Program</h2>"
                "<p>Free fidelity bonds for new employees during their first months in "
                "the job. A bond protects you against loss from theft or dishonesty, "
                "and it costs you and the employee nothing.</p>"
                "<h2>Tell us you use them</h2>"
                "<p>Add them to your fair-chance policy, and they show on your "
                "employer page.</p>"
            ),
            _sources(WOTC, BONDING, heading="Official sources"),
        ],
    },
]


def load_guides(index: GuideIndexPage, *, today: date | None = None) -> list[GuidePage]:
    reviewed = today or timezone.localdate()
    pages = []
    for data in GUIDES:
        guide = GuidePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if guide is None:
            fields = {k: v for k, v in data.items() if k not in {"slug", "tags"}}
            guide = index.add_child(
                instance=GuidePage(slug=data["slug"], last_reviewed=reviewed, **fields)
            )
            guide.tags.add(*data["tags"])
            guide.save_revision().publish()
        pages.append(guide)
    return pages
