"""The wording checker: phrases in a posting that screen people out by their record.

Ban-the-box rules and the fair-chance promise mean a posting may not demand a
"clean record" or a check before an offer. The list below is maintained by hand
(each rule has tests in tests/jobs/test_wording.py); a match is a flag shown to
the employer before they submit, with a suggestion built from their own policy,
and to the editor in moderation. A flag never blocks a posting on its own.

Questions about a record are a different thing: the record-question check
(employers/record_questions.py) refuses them everywhere, and a posting that
holds one can't be saved. A posting saved before that check learnt a question
still shows it here, as a flag.

A message sent to a person before a conditional offer (an invitation to apply,
the message with a stage move) has no editor to review it, so
``before_offer_refusal`` refuses it for a record question or a flagged phrase.
"""

import re
from dataclasses import dataclass
from html import unescape

from employers.models import CheckTiming, FairChancePolicy
from employers.record_questions import record_question_in


@dataclass(frozen=True)
class Rule:
    pattern: str
    why: str


@dataclass(frozen=True)
class Flag:
    phrase: str
    why: str
    suggestion: str


# Patterns match normalised text: lower case, curly quotes straightened,
# whitespace collapsed. Keep each one narrow enough that ordinary job words
# ("clean and tidy", "record keeping", "check stock") never match.
RECORD = r"(?:criminal |police |court )?(?:record|records|history|background|past)"
RULES = [
    Rule(
        rf"\b(?:clean|clear|spotless)(?: criminal| police)? {RECORD}\b",
        "Asking for a clean record turns away people the law says you should consider fairly.",
    ),
    Rule(
        r"\b(?:clean|clear|enhanced|basic|standard)? ?(?:dbs|crb|disclosure)(?: check)? "
        r"(?:required|essential|needed|must)\b|\b(?:clean|clear) (?:dbs|crb|disclosure)\b",
        "Demanding a clear DBS or disclosure screens people out before you can assess them.",
    ),
    Rule(
        r"\bno (?:criminal )?(?:record|records|convictions?|felon(?:s|ies|y)?|offenders?|"
        r"ex-?offenders?|ex-?cons?|criminal history|criminal background)\b"
        r"(?! (?:questions?|checks?|box(?:es)?)\b)",
        "Saying 'no convictions' or 'no felons' is a blanket ban, which fair-chance hiring avoids.",
    ),
    Rule(
        r"\b(?:felons?|ex-?offenders?|ex-?cons?|convicts?) (?:need not|should not|"
        r"shouldn't|cannot|can't|will not be considered|may not) apply\b",
        "Telling people with records not to apply is a blanket ban.",
    ),
    Rule(
        r"\b(?:must|should|will need to|need to|required to|able to) (?:be able to )?"
        r"(?:pass|clear|complete|undergo) (?:an? )?(?:criminal |full |thorough |strict )?"
        r"(?:background|criminal record|police|dbs|crb|record) (?:check|screening|screen|"
        r"clearance)s?\b",
        "A check before an offer screens people out; say when and how you check instead.",
    ),
    Rule(
        r"\b(?:background|criminal record|criminal history|police) (?:check|screening)s? "
        r"(?:is |are )?(?:required|mandatory|essential|compulsory)\b",
        "A check stated as a requirement up front puts people off applying.",
    ),
    Rule(
        r"\bmust (?:not|never) have (?:an? |any )?(?:criminal (?:record|history|convictions?)|"
        r"convictions?|been convicted|a record)\b|\bhave never been (?:convicted|arrested)\b",
        "Asking that people have no convictions is a blanket ban.",
    ),
    Rule(
        r"\b(?:background|criminal record|criminal history|police|dbs|crb|record) "
        r"(?:check|screening)s? (?:\w+ ){0,3}?before (?:the |an |a |your |any )?"
        r"(?:interview|offer|job offer)\b",
        "A check before an offer screens people out; say when and how you check instead.",
    ),
    Rule(
        r"\bno (?:arrests?|prison (?:time|record)|jail time)\b|\bno history of arrests?\b",
        "Arrests are not convictions, and a blanket ban on them is unfair.",
    ),
]
_COMPILED = [(re.compile(rule.pattern), rule) for rule in RULES]

_TAGS = re.compile(r"<[^>]+>")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _normalise(text: str) -> str:
    text = unescape(_TAGS.sub(" ", text)).translate(_QUOTES).lower()
    return " ".join(text.split())


def suggestion_for(policy: FairChancePolicy | None) -> str:
    """A sentence the employer could use instead, true to their own policy."""
    if policy is None:
        return (
            "Say when you check records and what you look at, for example: 'We only check "
            "criminal records after we make a job offer, and we look at each person fairly.'"
        )
    if policy.check_timing == CheckTiming.NEVER:
        return "Remove this: your fair-chance policy says you never check criminal records."
    if policy.check_timing == CheckTiming.AFTER_OFFER:
        return (
            "Say instead: 'We check criminal records only after we make a conditional job "
            f"offer ({policy.get_check_level_display().lower()}), and we look at each "
            "person as an individual.'"
        )
    return (
        "Say which law requires a check for this role, what it covers and what happens "
        "next, for example: 'The law requires a check before we can offer this role. We "
        "look at each person as an individual.'"
    )


def check_wording(*texts: str, policy: FairChancePolicy | None = None) -> list[Flag]:
    """Every phrase in the texts that screens people out by their record, once each."""
    suggestion = suggestion_for(policy)
    flags: dict[str, Flag] = {}
    for text in texts:
        if question := record_question_in(text or ""):
            flags.setdefault(
                question.sentence,
                Flag(phrase=question.sentence, why=question.why, suggestion=suggestion),
            )
        normalised = _normalise(text or "")
        for pattern, rule in _COMPILED:
            for match in pattern.finditer(normalised):
                phrase = match.group(0).strip()
                flags.setdefault(phrase, Flag(phrase=phrase, why=rule.why, suggestion=suggestion))
    return list(flags.values())


SCREENING_IN_MESSAGE = (
    "Take out the words about records ({phrases}). Nobody may be asked about a record "
    "before a conditional offer. If you check records, say when in your job posting instead."
)


def before_offer_refusal(text: str) -> str:
    """Why a message to a person before a conditional offer can't go as written ("" if it can)."""
    if question := record_question_in(text or ""):
        return question.message
    if flags := check_wording(text or ""):
        phrases = ", ".join(f"“{flag.phrase}”" for flag in flags)
        return SCREENING_IN_MESSAGE.format(phrases=phrases)
    return ""
