"""The job feed for job aggregators, at /feeds/jobs.xml: every visible posting in
the XML format Indeed set and most aggregators read.

    <source>
      <publisher>, <publisherurl>, <lastBuildDate>
      <job> per visible posting: <title> <date> <referencenumber> <url> <company>
            <city> <state> <country> <postalcode> <description> <salary> <jobtype>

Text goes in CDATA sections. The reference number is the posting's id, so it
stays the same when the title (and so the address) changes; every address is
absolute, on SITE_URL. The description starts with the fair-chance facts (when
records are checked, what is asked before an offer, a verified employer) and
then holds the posting's own description, as HTML.

This module writes the document. It is never written while someone waits for
it: the worker builds it into storage (``jobs.aggregator_feed_builds``) and
the address serves the last build (``jobs.aggregator_feed_view``). At 100,000
postings the document is about 140 MB and takes tens of seconds to write,
longer than a web process may spend on one request.

The postings are the visible ones (``JobPosting.objects.visible()``, through
``visible_postings_after``), read in id order in pages of ``PAGE`` and written
out as each page is ready, so a feed of 100,000 postings never sits whole in
memory. Each page is three queries (postings, their employers, their places),
whatever its size: nothing is read per posting.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from email.utils import format_datetime

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from fairsite.site_address import absolute_url

from .feeds import xml_text
from .models import EmploymentType, JobPosting
from .posting_facts import fair_chance_facts
from .selectors import visible_postings_after

PAGE = 500

# The job types aggregators know; an apprenticeship is paid work, most often full time.
JOB_TYPES = {
    EmploymentType.FULL_TIME: "fulltime",
    EmploymentType.PART_TIME: "parttime",
    EmploymentType.CONTRACT: "contract",
    EmploymentType.TEMPORARY: "temporary",
    EmploymentType.INTERNSHIP: "internship",
    EmploymentType.APPRENTICESHIP: "apprenticeship",
}


def cdata(text: str) -> str:
    """`text` as one or more CDATA sections ("]]>" cannot sit inside one)."""
    return "<![CDATA[" + xml_text(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(name: str, text: str) -> str:
    return f"<{name}>{cdata(text)}</{name}>"


def rfc822(moment) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def job_description(posting: JobPosting) -> str:
    """The fair-chance facts, then the posting's own description (HTML)."""
    facts = "".join(f"<li>{escape(fact)}</li>" for fact in fair_chance_facts(posting))
    return f"<p><strong>Fair chance</strong></p><ul>{facts}</ul>{posting.description}"


def job_element(posting: JobPosting) -> str:
    location = next(iter(posting.locations.all()), None)
    if location is not None:
        city, state, country = location.locality, location.region, location.country
        postal_code = location.postal_code
    else:  # remote: where people may work from
        city, state, country, postal_code = "", posting.open_to_region, posting.country, ""
    fields = [
        ("title", posting.title),
        ("date", rfc822(posting.published_at)),
        ("referencenumber", str(posting.pk)),
        ("url", absolute_url(posting.get_absolute_url())),
        ("company", posting.employer.name),
        ("city", city),
        ("state", state),
        ("country", country),
        ("postalcode", postal_code),
        ("description", job_description(posting)),
        ("salary", posting.salary_text),
        ("jobtype", JOB_TYPES.get(posting.employment_type, "")),
    ]
    return "<job>" + "".join(element(name, text) for name, text in fields) + "</job>\n"


def feed_xml(*, now=None) -> Iterator[str]:
    """The whole feed, in pieces of at most ``PAGE`` jobs."""
    now = now or timezone.now()
    yield (
        '<?xml version="1.0" encoding="utf-8"?>\n<source>\n'
        f"{element('publisher', settings.SITE_NAME)}\n"
        f"{element('publisherurl', absolute_url('/'))}\n"
        f"<lastBuildDate>{rfc822(now)}</lastBuildDate>\n"
    )
    after = 0
    while postings := visible_postings_after(after, limit=PAGE, now=now):
        yield "".join(job_element(posting) for posting in postings)
        after = postings[-1].pk
    yield "</source>\n"
