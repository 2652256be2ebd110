"""Queries for the reentry professions and their credentials, in US and UK words.

Graded on 2026-12-06 from the postings' texts, before the set was first run.
"""

from .queries_words import PROBATION_OFFICER
from .shapes import JudgedQuery, form, graded

Q = JudgedQuery
R = "reentry"

REENTRY_CASE_MANAGER = graded(
    three=["cm-us-01", "cm-us-03", "cm-us-02"],
    two=["cm-us-07", "cm-us-04", "cm-us-06", "ct-us-03", "rs-uk-01", "rs-uk-02", "rs-uk-14",
         "cm-us-08", "mh-us-02", "rs-uk-08"],
    one=["cm-us-05"],
)  # fmt: skip

QUERIES = [
    Q(
        "probation-officer",
        form("probation officer"),
        "The main reentry profession; UK "
        "probation services officers and offender managers do the same work.",
        PROBATION_OFFICER,
        kind=R,
    ),
    Q(
        "probaton-officer",
        form("probaton officer"),
        "A dropped letter in a long word.",
        PROBATION_OFFICER,
        kind="typo",
    ),
    Q(
        "parole-officer",
        form("parole officer"),
        "Parole, not probation: one posting says both.",
        graded(
            three=["rp-us-03"],
            two=["rp-us-01", "rp-us-02", "rp-us-04", "rs-uk-11", "rs-uk-03"],
            one=["rp-us-05"],
        ),
        kind=R,
    ),
    Q(
        "reentry-case-manager",
        form("reentry case manager"),
        "A US title in three words.",
        REENTRY_CASE_MANAGER,
        kind=R,
    ),
    Q(
        "re-entry-case-manager",
        form("re-entry case manager"),
        "The same, spelled with a hyphen as many write it.",
        REENTRY_CASE_MANAGER,
        kind="typo",
    ),
    Q(
        "resettlement-worker",
        form("resettlement worker"),
        "The UK title for reentry case work.",
        graded(
            three=["rs-uk-01", "rs-uk-02", "rs-uk-08"],
            two=["cm-us-01", "cm-us-03", "rs-uk-14", "rs-uk-06", "rs-uk-04", "rs-uk-07"],
            one=["cm-us-04", "cm-us-02", "cm-us-07"],
        ),
        kind=R,
    ),
    Q(
        "case-worker",
        form("case worker"),
        "Two words; postings write caseworker or case manager.",
        graded(
            three=["rs-uk-14", "rs-uk-02"],
            two=[
                "cm-us-07",
                "cm-us-01",
                "cm-us-02",
                "cm-us-03",
                "rs-uk-01",
                "ct-us-03",
                "mh-us-02",
            ],
            one=["cm-us-04"],
        ),
        kind=R,
    ),
    Q(
        "peer-support",
        form("peer support"),
        "A reentry profession built on lived experience.",
        graded(
            three=["peer-us-01", "peer-us-05", "peer-us-02"],
            two=["peer-us-03", "peer-us-04", "rs-uk-05", "peer-us-06"],
        ),
        kind=R,
    ),
    Q(
        "peer-mentor",
        form("peer mentor"),
        "The UK name for peer support.",
        graded(
            three=["rs-uk-05", "peer-us-04"],
            two=["peer-us-01", "peer-us-05", "peer-us-02", "peer-us-03"],
            one=["rs-uk-04", "peer-us-06"],
        ),
        kind=R,
    ),
    Q(
        "correctional-treatment",
        form("correctional treatment specialist"),
        "A federal title, typed in full.",
        graded(three=["ct-us-01", "ct-us-04"], two=["ct-us-02", "ct-us-03"]),
        kind=R,
    ),
    Q(
        "corrections-counselor",
        form("corrections counselor"),
        "Another way to name treatment work in prisons.",
        graded(three=["ct-us-02"], two=["ct-us-01", "ct-us-04"], one=["ct-us-03", "mh-us-04"]),
        kind=R,
    ),
    Q(
        "cpors",
        form("CPORS"),
        "A credential's abbreviation alone: postings that require or prefer it.",
        graded(
            three=["rp-us-01", "rp-us-04", "ct-us-01"], two=["rp-us-02", "cm-us-01", "rs-uk-11"]
        ),
        kind=R,
    ),
    Q(
        "cpscp-jobs",
        form("cpscp jobs"),
        "Another credential, lower case, with a filler.",
        graded(three=["cm-us-08"], two=["cm-us-03", "peer-us-01"]),
        kind=R,
    ),
    Q(
        "reentry-mental-health",
        form("reentry mental health"),
        "A field and a credential's words.",
        graded(
            three=["mh-us-01", "mh-us-06"],
            two=["mh-us-02", "mh-us-04", "rs-uk-09", "mh-us-03"],
            one=["mh-us-05", "rs-uk-12"],
        ),
        kind=R,
    ),
    Q(
        "offender-manager",
        form("offender manager"),
        "The UK probation title.",
        graded(
            three=["rs-uk-11"],
            two=["rs-uk-03"],
            one=["rp-us-01", "rp-us-02", "rp-us-03", "rp-us-04"],
        ),
        kind=R,
    ),
    Q(
        "substance-abuse-counselor",
        form("substance abuse counselor"),
        "US words; the UK says substance misuse.",
        graded(three=["ct-us-02"], two=["rs-uk-12"], one=["peer-us-03", "peer-us-06"]),
        kind=R,
    ),
    Q(
        "lived-experience",
        form("lived experience"),
        "What peer roles ask for, typed as a phrase.",
        graded(
            three=["rs-uk-05", "peer-us-06"], two=["peer-us-01", "cm-us-01"], one=["peer-us-03"]
        ),
        kind=R,
    ),
]
