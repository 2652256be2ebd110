"""Every posting of the judged set, by key."""

from . import postings_reentry_us, postings_uk, postings_us
from .employers import EMPLOYERS_BY_KEY
from .shapes import LIVE

POSTINGS = [*postings_us.POSTINGS, *postings_reentry_us.POSTINGS, *postings_uk.POSTINGS]
POSTINGS_BY_KEY = {posting.key: posting for posting in POSTINGS}


def live_keys_of_employers(check_timings: set[str]) -> list[str]:
    """Live postings whose employer's policy checks records at one of these times.

    A rule read from the employers' written policies (their postings take the
    policy's timing), used to grade the "second chance" kind of query.
    """
    return [
        posting.key
        for posting in POSTINGS
        if posting.status == LIVE
        and EMPLOYERS_BY_KEY[posting.employer].check_timing in check_timings
    ]
