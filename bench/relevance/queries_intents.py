"""Queries that state a wish rather than a job: remote, part time, nights, weekends,
temporary work, and "second chance" in its many phrasings.

Graded on 2026-12-06 from the postings' texts and their employers' written
policies, before the set was first run.
"""

from .postings import live_keys_of_employers
from .shapes import JudgedQuery, form, graded

Q = JudgedQuery
I = "intent"  # noqa: E741

REMOTE = graded(
    three=["ret-us-08", "cm-us-03", "cm-us-08", "peer-us-04", "mh-us-03", "mh-us-06",
           "ret-uk-08", "ret-uk-09", "rs-uk-08", "rs-uk-10"],
    one=["rs-uk-14"],
)  # fmt: skip
PART_TIME = graded(
    three=["wh-us-05", "kit-us-03", "kit-us-07", "cln-us-04", "cln-us-07", "care-us-03",
           "care-us-08", "ret-us-02", "bak-us-04", "bak-us-05", "bar-us-02", "bar-us-06",
           "peer-us-05", "mh-us-05", "wh-uk-05", "kit-uk-04", "kit-uk-05", "kit-uk-08",
           "care-uk-03", "cln-uk-01", "cln-uk-02", "drv-uk-05", "ret-uk-01", "ret-uk-04",
           "ret-uk-07", "bak-uk-03", "bar-uk-01", "bar-uk-03", "bar-uk-06", "rs-uk-05"],
)  # fmt: skip
# "No background check": employers who never check are what was asked for;
# those who check only after an offer come close.
NO_CHECK = graded(
    three=live_keys_of_employers({"never"}), one=live_keys_of_employers({"after_offer"})
)
# "Second chance", "felony friendly": never checking, or only after an offer, is
# what people mean; checking before an offer where the law says so is not.
SECOND_CHANCE = graded(
    three=live_keys_of_employers({"never"}), two=live_keys_of_employers({"after_offer"})
)

QUERIES = [
    Q("remote", form("remote"), "One word for a workplace, not a job.", REMOTE, kind=I),
    Q(
        "work-from-home",
        form("work from home"),
        "The everyday phrase for remote work; every word is a filler word or a phrase.",
        REMOTE,
        kind=I,
    ),
    Q(
        "remote-case-manager",
        form("remote case manager"),
        "A workplace wish and a title.",
        graded(
            three=["cm-us-03"],
            two=["cm-us-08", "rs-uk-08", "rs-uk-10"],
            one=["cm-us-01", "cm-us-02", "cm-us-07", "peer-us-04", "mh-us-03"],
        ),
        kind=I,
    ),
    Q(
        "customer-service-wfh",
        form("customer service work from home"),
        "A job and the wish to work at home.",
        graded(three=["ret-us-08", "ret-uk-09"], two=["ret-uk-08"]),
        kind=I,
    ),
    Q("part-time", form("part time"), "A type of work alone.", PART_TIME, kind=I),
    Q(
        "part-time-warehouse",
        form("part time warehouse"),
        "A type of work and a trade.",
        graded(three=["wh-us-05", "wh-uk-05"], one=["wh-us-07", "wh-uk-08"]),
        kind=I,
    ),
    Q(
        "prep-cook-part-time",
        form("prep cook part time"),
        "A title and a type of work, with no exact posting.",
        graded(two=["kit-us-02", "kit-us-07", "kit-uk-05"], one=["kit-uk-08", "kit-us-08"]),
        kind=I,
    ),
    Q(
        "night-shift",
        form("night shift"),
        "When people can work.",
        graded(
            three=[
                "wh-us-03",
                "wh-uk-03",
                "drv-uk-03",
                "bak-us-02",
                "bak-uk-02",
                "care-uk-06",
                "drv-uk-01",
                "cln-us-03",
            ],
            two=["cln-us-01", "kit-us-05"],
        ),
        kind=I,
    ),
    Q(
        "order-picker-nights",
        form("order picker nights"),
        "A title and 'nights' as UK adverts write it.",
        graded(three=["wh-us-03", "wh-uk-03"], one=["wh-us-02", "wh-uk-02"]),
        kind=I,
    ),
    Q(
        "weekend-work",
        form("weekend work"),
        "Weekends only, around other commitments.",
        graded(
            three=["kit-us-07", "care-us-08"],
            two=[
                "bar-us-06",
                "ret-uk-01",
                "kit-us-03",
                "ret-us-02",
                "bar-uk-01",
                "ret-uk-07",
                "kit-uk-08",
            ],
        ),
        kind=I,
    ),
    Q(
        "temp-work",
        form("temp work"),
        "Short for temporary.",
        graded(
            three=[
                "wh-us-07",
                "kit-us-08",
                "con-us-12",
                "ret-us-07",
                "wh-uk-06",
                "wh-uk-08",
                "con-uk-09",
                "ret-uk-06",
            ]
        ),
        kind=I,
    ),
    Q(
        "christmas-temp",
        form("christmas temp"),
        "Seasonal work in UK words.",
        graded(three=["wh-uk-08", "ret-uk-06"], two=["wh-us-07", "ret-us-07"], one=["wh-uk-06"]),
        kind=I,
    ),
    Q(
        "no-background-check",
        form("no background check"),
        "What many people with records type first.",
        NO_CHECK,
        kind=I,
    ),
    Q(
        "felony-friendly",
        form("felony friendly"),
        "A US phrase for fair-chance employers.",
        SECOND_CHANCE,
        kind=I,
    ),
    Q(
        "second-chance-jobs",
        form("second chance jobs"),
        "The same wish in other words.",
        SECOND_CHANCE,
        kind=I,
    ),
    Q(
        "jobs-for-ex-offenders",
        form("jobs for ex offenders"),
        "The UK phrase, with filler words.",
        SECOND_CHANCE,
        kind=I,
    ),
]
