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

The postings are the visible ones (``JobPosting.objects.visible()``, through
``visible_postings_after``), read in id order in pages of ``PAGE`` and written
out as each page is ready, so a feed of 100,000 postings never sits whole in
memory. Each page's XML is kept in the shared cache under the postings index's
generation (``fairsite.outbox.services.index_generation``), the number every
change that reaches the search index bumps in its own transaction: a posting
closed, edited or published, an employer verified, changes the key, and the
next request builds afresh. A posting that passes its closing time changes
nothing in the database until the expiry task runs, so each cached job keeps
its closing time and is left out once that has passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from email.utils import format_datetime

from django.conf import settings
from django.core.cache import caches
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_GET

from fairsite.outbox.services import index_generation
from fairsite.site_address import absolute_url

from .feeds import xml_text
from .models import EmploymentType, JobPosting
from .posting_facts import fair_chance_facts
from .search.index import INDEX_NAME
from .selectors import visible_postings_after

PAGE = 500
CACHE = "default"
CACHE_SECONDS = 60 * 60

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


def _page(generation: int, after: int) -> tuple[list[tuple[float, str]], int | None]:
    """The jobs after id `after`, each with its closing time, and the id to
    read on from (None at the end), from the cache when this generation has it."""
    cache = caches[CACHE]
    key = f"jobfeed:{generation}:{after}"
    found = cache.get(key)
    if found is None:
        postings = visible_postings_after(after, limit=PAGE)
        jobs = [(posting.expires_at.timestamp(), job_element(posting)) for posting in postings]
        found = (jobs, postings[-1].pk if len(postings) == PAGE else None)
        cache.set(key, found, CACHE_SECONDS)
    return found


def feed_xml() -> Iterator[str]:
    """The whole feed, in pieces of at most ``PAGE`` jobs."""
    # Read once, so every page of one response comes from the same generation.
    generation = index_generation(INDEX_NAME)
    now = timezone.now()
    yield (
        '<?xml version="1.0" encoding="utf-8"?>\n<source>\n'
        f"{element('publisher', settings.SITE_NAME)}\n"
        f"{element('publisherurl', absolute_url('/'))}\n"
        f"<lastBuildDate>{rfc822(now)}</lastBuildDate>\n"
    )
    after: int | None = 0
    while after is not None:
        jobs, after = _page(generation, after)
        yield "".join(xml for closes, xml in jobs if closes > now.timestamp())
    yield "</source>\n"


@require_GET
def job_feed(request):
    response = StreamingHttpResponse(
        (piece.encode() for piece in feed_xml()), content_type="application/xml; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
