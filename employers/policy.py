"""A fair-chance policy in plain sentences, generated from its fields."""

from .models import (
    CheckLevel,
    CheckTiming,
    FairChancePolicy,
    Incentive,
    OffenceCategory,
    Pledge,
    RoleType,
    Support,
)

TIMING_SENTENCES = {
    CheckTiming.NEVER: "We do not check criminal records.",
    CheckTiming.AFTER_OFFER: (
        "We only look at criminal records after we offer you the job, and the offer "
        "depends on the check."
    ),
    CheckTiming.BEFORE_OFFER_BY_LAW: (
        "For most roles we only look at criminal records after a job offer. For some roles "
        "the law makes us check before an offer; those job adverts say so."
    ),
}

LEVEL_SENTENCES = {
    CheckLevel.NONE: "",
    CheckLevel.BASIC: (
        "We use a basic check. It shows current convictions only (in the UK, convictions "
        "that are not yet spent)."
    ),
    CheckLevel.STANDARD: (
        "We use a standard check. It can show older convictions too (in the UK, spent ones "
        "that the official filtering rules do not remove)."
    ),
    CheckLevel.ENHANCED: (
        "We use an enhanced check, because the law asks for it in some roles. It can also "
        "show information held by the police."
    ),
}


# What each check level means, in the words of the country the job is in: a
# UK job in DBS terms, a US job in the terms of a US background check. The one
# place a role's check is described (job adverts, credential pages).
CHECK_WORDS = {
    "GB": {
        CheckLevel.NONE: "no record check",
        CheckLevel.BASIC: "a basic DBS check, which shows unspent convictions only",
        CheckLevel.STANDARD: "a standard DBS check, which shows spent and unspent convictions",
        CheckLevel.ENHANCED: (
            "an enhanced DBS check, which can also show police information and barred lists"
        ),
    },
    "US": {
        CheckLevel.NONE: "no background check",
        CheckLevel.BASIC: "a background check of recent convictions",
        CheckLevel.STANDARD: (
            "a background check of convictions, older ones too (not sealed or expunged records)"
        ),
        CheckLevel.ENHANCED: (
            "a fingerprint background check, which the law asks for in this role"
        ),
    },
}


def check_words(level: str, country: str) -> str:
    """The check `level` in the words of `country` ("GB", else US terms)."""
    words = CHECK_WORDS["GB" if country == "GB" else "US"]
    return words.get(level, words[CheckLevel.NONE])


def _listed(values: list[str], choices) -> str:
    labels = [choices(value).label for value in values if value in choices.values]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def policy_sentences(policy: FairChancePolicy | None) -> list[str]:
    """The policy in short, plain sentences, in the order a job seeker needs them."""
    if policy is None:
        return ["This employer has not set out a fair-chance policy yet."]
    sentences = [TIMING_SENTENCES[CheckTiming(policy.check_timing)]]
    if policy.check_timing != CheckTiming.NEVER and (
        level := LEVEL_SENTENCES[CheckLevel(policy.check_level)]
    ):
        sentences.append(level)
    if policy.ignores_spent_convictions:
        sentences.append(
            "We ignore convictions that are spent (in the US: sealed or expunged records)."
        )
    by_role: dict[str, list[str]] = {}
    for exclusion in policy.exclusions.all():
        by_role.setdefault(exclusion.role_type, []).append(exclusion.offence_category)
    for role_type, categories in by_role.items():
        sentences.append(
            f"{RoleType(role_type).label}: the law rules out people with some convictions "
            f"for {_listed(categories, OffenceCategory).lower()}. The job advert says when "
            "this applies."
        )
    if policy.support:
        sentences.append(f"Support we offer: {_listed(policy.support, Support).lower()}.")
    if policy.pledges:
        sentences.append(f"We have signed: {_listed(policy.pledges, Pledge)}.")
    if policy.incentives:
        sentences.append(f"We use: {_listed(policy.incentives, Incentive)}.")
    return sentences
