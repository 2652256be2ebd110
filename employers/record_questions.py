"""The record-question check: does an employer's text ask a person about their record?

Before a conditional job offer nobody on this site may be asked about a criminal
record. Every place where an employer's words reach a candidate or a posting
calls ``record_question_in`` (postings, invitations to apply, messages sent with
a stage move or a rejection, the organisation's profile), so the same sentence
gets the same answer everywhere.

It looks for questions and demands, not single words. A sentence is refused
when it is

- a question to the reader that mentions their record ("Have you ever been to
  prison?", "Any time served?", "Are you on parole?"), or
- a demand that they tell, show or send something about it ("Tell us about any
  convictions when you apply", "Bring your DBS certificate", "Please disclose
  any cautions", "We will ask about your criminal history at interview").

"Their record" covers convictions, arrests, cautions, charges, offences,
felonies and misdemeanours, prison, jail, time served, probation, parole or
licence, sex-offender registration, criminal background and DBS checks and
their results, and "your past". US and UK words both count, and so do common
misspellings ("convicitons", "felonys", "prision", "backround").

What it lets through, because job adverts for reentry work say these words all
the time without asking about the reader:

- roles and services: "probation officer", "prison chaplain", "criminal justice";
- other people's records: "supporting people on probation", "help clients
  disclose their convictions", "people leaving prison";
- work done in a place: "Have you worked in a prison before?";
- the employer's own process, said or negated: "we check records only after an
  offer", "you don't have to tell us about spent convictions";
- a question asked to reassure or invite, as the next sentence shows: "Worried
  about your record? You can still apply."

A message that goes with a conditional offer may raise a record: the stage-move
services call this check only for messages sent before one.

Blanket statements such as "clean record essential" or "must pass a background
check" are not questions; the posting wording checker (jobs/wording.py) flags
those for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from fairsite.richtext import html_to_plain_text

from .record_words import CLAUSE, sentence_words, word_set

WHY = (
    "Nobody may be asked about a criminal record, prison, probation or a record check "
    "before a conditional offer of the job."
)
INSTEAD = (
    "Take it out. If you check records, you can say when, for example: "
    "“We only look at records after we offer you the job.”"
)


@dataclass(frozen=True)
class RecordQuestion:
    """A sentence that asks about a record, and why it may not be sent."""

    sentence: str
    why: str = WHY
    instead: str = INSTEAD

    @property
    def message(self) -> str:
        """What the employer is told, next to the field and in the error summary."""
        quoted = self.sentence if len(self.sentence) <= 90 else self.sentence[:87] + "…"
        return f"“{quoted}” asks about a record. {self.why} {self.instead}"


def record_question_in(text: str) -> RecordQuestion | None:
    """The first sentence of ``text`` that asks about a record, or None."""
    if not text:
        return None
    if "<" in text:
        text = html_to_plain_text(text)
    sentences = _sentences(text)
    for sentence, following in zip(sentences, [*sentences[1:], ""], strict=False):
        if _asks_about_record(sentence, following):
            return RecordQuestion(sentence=" ".join(sentence.split()))
    return None


def refuse_record_question(text: str) -> None:
    """A form-field validator: raises ValidationError when ``text`` asks about a record."""
    if found := record_question_in(text):
        raise ValidationError(found.message, code="record_question")


def record_question_errors(**fields: str) -> dict[str, str]:
    """For a model's clean(): the message for each named text that asks about a record."""
    return {
        name: found.message
        for name, text in fields.items()
        if (found := record_question_in(text or ""))
    }


_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+|\n+|\s+[-\u2013\u2014]\s+|(?<=\?)(?=\S)")


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


# --- Record terms ----------------------------------------------------------
# Each pattern runs on the canonical words joined by spaces. A match is one
# mention of a record; who it belongs to is decided afterwards.

_RECORD_TERMS = re.compile(
    r"\b(?:"
    r"conviction|convicted|felony|felon|misdemeanor|offense|ex offender|offender|"
    r"(?:sex|registered) offender|offending history|crime|criminal|"
    r"arrest|cautioned|(?:police|formal|youth|conditional|any) caution|caution or conviction|"
    r"(?:criminal|pending|outstanding) charge|charged with|been charged|charge pending|"
    r"prison|prisoner|inmate|jail|on bail|detained|run in with the (?:law|police)|"
    r"dui|dwi|owi|drink driving|drunk driving|driving under the influence|"
    r"(?:awaiting|facing|on) trial|court (?:date|case|appearance|order)|been to court|"
    r"(?:open|pending) case|barred list|barred from|mappa|juvenile hall|youth detention|"
    r"borstal|on (?:a |an )?(?:electronic )?tag|police certificate|police clearance|"
    r"restraining order|protection order|non molestation order|license condition|"
    r"community order|fingerprint taken|returning citizen|system impacted|"
    r"(?:got|any) previous(?= ?$)|(?:pleaded|pled|plead|found|been) guilty|been inside(?= ?$)|"
    r"sentencing|disclosure form|yoi|young offender institution|your offending|ex con|"
    r"halfway house|"
    r"approved premise|bail hostel|ankle tag|(?:are|were) you tagged(?= ?$)|"
    r"(?:were|was) you released(?= ?$| from)|your release date|your disclosure(?! of)|"
    r"(?:involvement with|been through|experience of) the (?:criminal )?justice system|"
    r"prosecution|prosecuted|police investigation|under investigation|"
    r"investigated by (?:the )?police|fingerprinted by (?:the )?police|"
    r"incarcerated|imprisoned|penitentiary|(?:in|police|youth) custody|custodial|locked up|"
    r"behind bar|correctional facility|detention center|juvie|juvenile detention|"
    r"(?:served|serve|serving) (?:any )?time(?! (?:sheet|management|keeping|critical|slot))|"
    r"(?:done|do|doing) (?:any )?time(?= ?$| (?:in|inside|for|behind|before))|time served|"
    r"time inside(?= ?$)|"
    r"(?:served|serve|serving|suspended|custodial|community|prison|jail) sentence|sentenced|"
    r"probation|parole|on license|supervised release|ankle monitor|electronic(?:ally)? tag\w*|"
    r"electronic(?:ally)? monitor\w*|curfew|"
    r"background check|background screening|dbs|crb|pvg|police check|record check|"
    r"basic disclosure|enhanced disclosure|standard disclosure|disclosure certificate|"
    r"disclosure scotland|rap sheet|cori|"
    r"(?:police|court|arrest|sealed|expunged|clean|your|a|any) record"
    r"(?! (?:of (?!arrest|conviction|offense|crime)|keeping|label|collection|book|player|"
    r"store|shop|sale|holder|time|number|card|system|management|breaking))|"
    r"(?:spent|unspent) (?:conviction|caution|record)|"
    r"trouble with the (?:law|police)|in trouble|involved with the (?:police|law|justice system)|"
    r"justice involved|history with the (?:police|law)|"
    r"your (?:past|history)(?= ?$| (?:mistake|life|trouble|issue|problem|with the|we|that|which|"
    r"you))|your background(?= (?:we|that|which))|"
    r"(?:anything|something) (?:\w+ ){0,4}?(?:to )?(?:disclose|declare)"
    r"(?= ?$| (?:to us|before|at|on|now|here|when|with))"
    r")\b"
)
# A mention that names a job, a service or a field of work, not anyone's record.
_ROLE_AFTER = word_set("""
    officer service department office team caseload board agent worker staff chaplain
    chaplaincy setting environment facility system sector reform program population
    visit visitor visiting ministry trust partner partnership law justice
    defense court hearing volunteer education nurse teacher library kitchen industry
    governor guard escort administrator clerk coordinator manager specialist counselor
    advocate practitioner outreach research policy support provider
    processing software vendor unit wing ward estate healthcare assessment management
    risk act legislation rehabilitation process meeting panel level qualification framework
    course training degree diploma
    """)
# "your probation officer" is the reader's own status, not a job.
_SUPERVISOR = word_set("officer agent worker supervisor hearing meeting")
_NOT_OWN_SUPERVISOR = word_set(
    "colleague team partner training course role job position career vacancy qualification"
)
_OWN_SUPERVISOR = re.compile(
    r"(?:^|\b)(?:your|(?:have|got|has|see|meet) a|report to a|check in with a|meet with a)$"
)
# "not your past", "regardless of your record": a mention set aside, not asked about.
_SET_ASIDE = re.compile(
    r"\b(?:not|no|regardless of|whatever|no matter)(?: about)?(?: your| any| the| a)?$"
)
_ROLE_BEFORE = re.compile(r"(?:criminal|youth|juvenile) justice$")
# Whose record a mention is: the nearest marker before it decides.
_PERSONAL = word_set("you your applicant candidate while during ever been")
_OTHERS = word_set("""
    their them they client people person participant individual resident user customer
    tenant family youth men women adult student learner those someone anyone everyone
    others member colleague employee staff volunteer hire mentee caseload population
    his her friend relative son daughter brother sister parent neighbor
    """)
# Activities done to or for others' records: working with, supporting, helping...
_ACTIVITY = re.compile(
    r"(?:work|worked|support|supported|help|helped|mentor|coach|"
    r"advise|assist|visit|teach|counsel|advocate|represent|house|employ|hire|"
    r"process|processed|review|reviewed|run|ran|experience|make|made|conduct|carry|perform|"
    r"handle|manage|supervise|travel|commute|drive|deliver|familiar|experienced|trained|"
    r"skilled)$"
)
_NOT_ACTIVITY = word_set("""
    being having serving doing facing awaiting spending living staying going coming getting
    leaving anything something nothing everything morning evening building during string
    driving motoring pending outstanding ongoing
    """)
_OTHERS_AFTER = re.compile(
    r"^(?:\w+ )?(?:for|of|on|with|to|among) (?:our |their |new |the )?"
    r"(?:client|people|participant|individual|resident|user|customer|tenant|family|youth|"
    r"men|women|adult|student|learner|staff|employee|volunteer|hire|applicant|mentee|"
    r"others|offender)\b"
)

# --- The forms of asking ---------------------------------------------------
_QUESTION_START = word_set(
    "do does did have has had are is were was will would can could ever been got"
)
# Verbs of telling, showing and sending. They make a demand when they start a
# clause ("Tell us...", "Please send...") or follow the reader or an obligation
# ("you must disclose", "applicants will be asked to declare").
_DEMAND_VERB = (
    r"(?:tell|telling|told|let (?:\w+ ){1,3}?know|inform|disclose|declare|list|detail|"
    r"give|provide|share|send|attach|enclose|bring|upload|submit|explain|describe|confirm|state|"
    r"complete|"
    r"mention|include|write|answer|fill|tick|report|reveal|admit|be (?:honest|upfront|open|"
    r"truthful)|ask|asked|discuss|talk|walk us through|show|prove|produce|present|hand in|"
    r"forward|email|lie|hide|conceal|withhold|omit|leave out)"
)
_DEMAND = re.compile(
    rf"(?:^|{CLAUSE} |\b(?:please|kindly|also|then|and|now) )(?:please )?{_DEMAND_VERB}\b"
    rf"|\b(?:you|your|applicant|candidate|must|should|need to|required to|have to|asked to|"
    rf"expected to|will need to|ready to|prepared to|be sure to|remember to|make sure|"
    rf"(?:free|help us|like you|ask you|invite you|encourage you|want you) to)"
    rf"(?: \w+){{0,2}}? {_DEMAND_VERB}\b"
    r"|\bwe (?:will |would |may |might |must |shall |also |always |then |only |to )?"
    r"(?:ask|question|check whether|discuss (?:your|any)|talk (?:about|through) (?:your|any))\b"
    r"|\b(?:disclosure form|self declare|self disclose|self disclosure|"
    r"(?:require|need|want) (?:\w+ )?detail|yes no|check the box|check this box|"
    r"tick the box|tick this box|need to know|want to know|like to know|need to see|"
    r"like to hear|want to hear|need to hear|"
    r"be disclose|be declare|question about|question on|copy of|proof of|evidence of|"
    r"us to know|(?:form|application|questionnaire) ask)\b"
)
# Demands that stay demands after "do not": "do not hide your record".
_NEGATION_PROOF = re.compile(r"\b(?:lie|hide|conceal|withhold|omit|leave out)\b")
_NEGATED_HIDING = re.compile(r"\bnot (?:\w+ )?(?:lie|hide|conceal|withhold|omit|leave out)\b")
_NEGATION = re.compile(
    r"\b(?:not|no need|no box|no question|no one|nobody|no point|no time|without|nothing)\b"
    r"(?! (?:forget|fail|hesitate))"
)
_AFTER_OFFER = re.compile(
    r"\b(?:after|once|following|post|until|only at|when) (?:\w+ ){0,5}?offer\b|"
    r"\bpost offer\b|\boffer stage\b|\b(?:after|once|when) you (?:have )?(?:start|started|join)\b"
)
# A question asked to reassure or invite, not to be answered: "Worried about your
# record? You can still apply."; "Been through prison? Use what you know to help
# people coming home." The sentence after a question counts too.
_REASSURANCE = re.compile(
    r"\b(?:worried|worry|worrying|concerned|wondering|nervous|afraid|scared|put off|"
    r"still apply|can apply|welcome|second chance|stop you (?:from )?(?:getting|applying|being)|"
    r"hold you back|count against you|rule you out|look at each person|"
    r"not (?:stop|hold|count|rule|matter)|use (?:what you know|your (?:experience|story))|"
    r"(?:job|role) is for you|join us|help (?:others|people|someone|somebody)|"
    r"apply (?:today|now))\b"
)


def _is_question(sentence: str, words: list[str]) -> bool:
    return sentence.rstrip().endswith("?") or (bool(words) and words[0] in _QUESTION_START)


def _mentions_own_record(words: list[str]) -> bool:
    joined = " ".join(words)
    for match in _RECORD_TERMS.finditer(joined):
        start = joined[: match.start()].count(" ")
        end = start + match.group(0).count(" ")
        if _is_role(words, start, end) or _belongs_to_others(words, start, end):
            continue
        if _SET_ASIDE.search(" ".join(words[max(0, start - 4) : start])):
            continue
        return True
    return False


def _is_role(words: list[str], start: int, end: int) -> bool:
    after, then = [*words[end + 1 : end + 3], "", ""][:2]
    if after == "case":
        return then in {"manager", "worker", "management", "load", "work"}
    if after in _SUPERVISOR and then not in _NOT_OWN_SUPERVISOR:
        before = " ".join(words[max(0, start - 4) : start])
        if _OWN_SUPERVISOR.search(before):
            return False
    if after in _ROLE_AFTER:
        return True
    return bool(_ROLE_BEFORE.search(" ".join(words[max(0, start - 2) : start])))


# The words between an activity and what it is done in or to: "worked in a prison".
_INTO = word_set("in at with for alongside inside within on around across through into from to")


def _is_activity(word: str) -> bool:
    if word in _NOT_ACTIVITY:
        return False
    if word.endswith("ing"):
        return len(word) >= 6
    return bool(_ACTIVITY.search(word))


def _belongs_to_others(words: list[str], start: int, end: int) -> bool:
    before = [word for word in words[max(0, start - 6) : start] if word != CLAUSE][-5:]
    # "you ... prison", "your record", "your past conviction" are the reader's;
    # "your friends on parole" are not.
    if before[-1:] in (["you"], ["your"]) or (
        before[-2:-1] == ["your"] and before[-1] not in _OTHERS
    ):
        return False
    for i in range(len(before) - 1, -1, -1):
        word, after = before[i], (before[i + 1] if i + 1 < len(before) else words[start])
        if word in _PERSONAL:
            return False
        if word in _OTHERS or (_is_activity(word) and (after in _INTO or i == len(before) - 1)):
            return True
    return bool(_OTHERS_AFTER.search(" ".join(words[end + 1 : end + 6])))


def _demands(words: list[str]) -> bool:
    joined = " ".join(words)
    if _NEGATED_HIDING.search(joined):
        return True
    for match in _DEMAND.finditer(joined):
        if _NEGATION_PROOF.search(match.group(0)):
            return True
        before = " ".join(joined[: match.start()].split()[-4:])
        if not _NEGATION.search(before + " " + match.group(0)):
            return True
    return False


def _asks_about_record(sentence: str, following: str) -> bool:
    words = sentence_words(sentence)
    if not words or not _mentions_own_record(words):
        return False
    joined = " ".join(words)
    if _AFTER_OFFER.search(joined):
        return False
    if _is_question(sentence, words):
        return not _REASSURANCE.search(joined + " " + " ".join(sentence_words(following)))
    return _demands(words)
