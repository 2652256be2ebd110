"""Job search against the real Elasticsearch: words, ranking, places, facets, bad input."""

from dataclasses import replace

import pytest
from django.utils import timezone

from employers.models import CheckLevel
from fairsite.outbox.drain import drain_due
from fairsite.search.indices import ensure
from jobs.models import Status
from jobs.search.index import postings_index
from jobs.search.queries import FACETS, Near, PostingQuery, posting_search, spelling_search
from jobs.search.results import run_posting_search, spelling_correction
from tests.factories import (
    DraftPostingFactory,
    ExpiredPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

COLUMBUS = (39.9612, -82.9988)


@pytest.fixture
def index(es, seeded_credentials):
    ensure(postings_index)
    return postings_index


def refresh():
    """Send what the outbox holds to the index, and make it searchable now."""
    report = drain_due()
    assert not report.failed, report
    postings_index_refresh()


def postings_index_refresh():
    from fairsite.search.client import get_client

    get_client().indices.refresh(index=postings_index.alias)


def titles(query: PostingQuery) -> list[str]:
    return [hit.posting.title for hit in run_posting_search(query).hits]


def search(text: str, **kwargs) -> list[str]:
    return titles(PostingQuery(text=text, **kwargs))


# Word forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("officer", "Probation Officers"),
        ("peer support specialists", "Peer Support Specialist"),
        ("caseworkers", "Reentry caseworker"),
        ("manager's", "Warehouse manager"),
        ("counsellor", "Reentry counselor"),
        ("re-entry", "Reentry caseworker"),
    ],
)
def test_word_forms_find_each_other(index, query, title):
    for name in (
        "Probation Officers",
        "Peer Support Specialist",
        "Reentry caseworker",
        "Warehouse manager",
        "Reentry counselor",
    ):
        PublishedPostingFactory(title=name, description="<p>A good job.</p>")
    refresh()

    assert title in search(query)


def test_office_does_not_find_a_posting_that_only_says_officer(index):
    PublishedPostingFactory(title="Probation officer", description="<p>Supervise people.</p>")
    refresh()

    assert search("office") == []
    assert search("officer") == ["Probation officer"]


def test_every_word_must_occur_somewhere(index):
    PublishedPostingFactory(
        title="Forklift driver", description="<p>Night shifts.</p>", skills=["forklift"]
    )
    PublishedPostingFactory(title="Van driver", description="<p>Day shifts.</p>")
    refresh()

    assert search("driver night") == ["Forklift driver"]
    assert sorted(search("driver")) == ["Forklift driver", "Van driver"]
    assert search("driver astronaut") == []


# Ranking -----------------------------------------------------------------------


def test_an_exact_title_match_outranks_a_description_mention(index):
    PublishedPostingFactory(
        title="Kitchen assistant",
        description="<p>Work alongside our peer support specialist in a busy kitchen.</p>",
    )
    PublishedPostingFactory(title="Peer support specialist", description="<p>Mentor people.</p>")
    refresh()

    assert search("peer support specialist") == ["Peer support specialist", "Kitchen assistant"]


def test_featured_postings_rank_a_little_higher_but_not_above_a_much_better_match(index):
    later = timezone.now() + timezone.timedelta(days=5)
    PublishedPostingFactory(title="Cook", description="<p>Cook meals.</p>")
    PublishedPostingFactory(title="Cook", description="<p>Cook meals.</p>", featured_until=later)
    PublishedPostingFactory(
        title="Porter", description="<p>Help the cook in the kitchen.</p>", featured_until=later
    )
    refresh()

    hits = run_posting_search(PostingQuery(text="cook")).hits
    assert [h.posting.title for h in hits][:2] == ["Cook", "Cook"]
    assert hits[0].posting.is_featured
    assert hits[-1].posting.title == "Porter"


# Places -----------------------------------------------------------------------


def posting_north_of_columbus(title: str, miles: float):
    # One degree of latitude is 69.09 miles.
    return PublishedPostingFactory(
        title=title,
        located=title,
        located__latitude=COLUMBUS[0] + miles / 69.09,
        located__longitude=COLUMBUS[1],
    )


def test_radius_filtering_is_right_at_the_boundary(index):
    posting_north_of_columbus("Inside", 4.9)
    posting_north_of_columbus("Outside", 5.1)
    refresh()

    near = Near(*COLUMBUS, radius_miles=5, label="Columbus, OH")
    results = run_posting_search(PostingQuery(near=near))

    assert [hit.posting.title for hit in results.hits] == ["Inside"]
    assert results.hits[0].miles == pytest.approx(4.9, abs=0.05)


def test_nearest_first(index):
    for miles in (20, 3, 11):
        posting_north_of_columbus(f"{miles} miles", miles)
    refresh()

    near = Near(*COLUMBUS, radius_miles=25)
    assert titles(PostingQuery(near=near, sort="nearest")) == ["3 miles", "11 miles", "20 miles"]


# Facets -------------------------------------------------------------------------


@pytest.mark.parametrize("words", ["", "worker"], ids=["facets alone", "with words"])
def test_every_facet_count_equals_the_results_its_link_leads_to(index, words):
    # Without words the chosen facets narrow the query and count apart over the
    # whole index; with words they are a post filter (jobs.search.queries).
    verified = VerifiedEmployerFactory()
    PublishedPostingFactory(
        title="Warehouse worker", category="warehouse-logistics", employment_type="full_time"
    )
    PublishedPostingFactory(
        title="Picker and worker",
        employer=verified,
        category="warehouse-logistics",
        employment_type="part_time",
        workplace="hybrid",
    )
    PublishedPostingFactory(
        title="Peer support worker",
        employer=verified,
        category="peer-support",
        check_timing="before_offer_by_law",
        check_level="enhanced",
        salary_min=30000,
        salary_max=42000,
        salary_period="year",
    ).required_credentials.set([credential("cpors")])
    PublishedPostingFactory(
        title="Remote peer worker", category="peer-support", workplace="remote", located=False
    ).preferred_credentials.set([credential("cpors"), credential("cpscp")])
    if words:  # a posting the words leave out, in every facet the others are in
        PublishedPostingFactory(
            title="Warehouse packer",
            employer=verified,
            category="warehouse-logistics",
            workplace="hybrid",
            employment_type="part_time",
        ).preferred_credentials.set([credential("cpors")])
    refresh()

    for base in (
        PostingQuery(text=words),
        PostingQuery(text=words, filters={"category": "peer-support"}),
        PostingQuery(text=words, flags=frozenset({"verified"})),
        # Chosen facets count apart, leaving their own choice out; the others together.
        PostingQuery(
            text=words,
            filters={"category": "warehouse-logistics", "workplace": "hybrid"},
            flags=frozenset({"verified"}),
        ),
    ):
        results = run_posting_search(base)
        assert results.total == len(results.hits)
        for name in FACETS:
            for item in results.facets[name]:
                chosen = replace(base, filters={**base.filters, name: item.value})
                assert run_posting_search(chosen).total == item.count, (base, name, item)
        for flag, count in results.flags.items():
            chosen = replace(base, flags=base.flags | {flag})
            assert run_posting_search(chosen).total == count, (base, flag)


# Visibility ---------------------------------------------------------------------


def test_expired_paused_unpublished_and_rejected_postings_never_appear(index):
    PublishedPostingFactory(title="Live cook")
    stale = PublishedPostingFactory(title="Expired cook")
    refresh()
    # Its closing time passes while it is still in the index (the hourly task
    # has not run): search must not show it.
    type(stale).objects.filter(pk=stale.pk).update(
        expires_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    ExpiredPostingFactory(title="Old cook")
    PublishedPostingFactory(title="Paused cook", status=Status.PAUSED)
    DraftPostingFactory(title="Draft cook")
    DraftPostingFactory(title="Rejected cook", status=Status.REJECTED)
    refresh()

    assert search("cook") == ["Live cook"]


@pytest.mark.parametrize(
    ("now", "moment"),
    [
        ("2026-03-01T10:15:00+00:00", "2026-03-01T10:15:00+00:00"),
        ("2026-03-01T10:15:00.000001+00:00", "2026-03-01T10:16:00+00:00"),
        ("2026-03-01T10:15:59.999999+00:00", "2026-03-01T10:16:00+00:00"),
        ("2026-03-01T23:59:30+00:00", "2026-03-02T00:00:00+00:00"),
    ],
)
def test_searches_compare_closing_times_with_the_next_whole_minute(now, moment):
    from datetime import datetime

    from jobs.search.queries import search_moment

    assert search_moment(datetime.fromisoformat(now)) == datetime.fromisoformat(moment)


def test_a_posting_closing_within_the_minute_leaves_search_early_never_late(index):
    from jobs.search.queries import posting_search, search_moment

    now = timezone.now()
    moment = search_moment(now)
    closing_soon = PublishedPostingFactory(title="Closing cook")
    staying = PublishedPostingFactory(title="Staying cook")
    # One closes before the minute is out, the other just after it.
    type(closing_soon).objects.filter(pk=closing_soon.pk).update(expires_at=moment)
    type(staying).objects.filter(pk=staying.pk).update(
        expires_at=moment + timezone.timedelta(seconds=1)
    )
    refresh()

    found = run_posting_search(PostingQuery(text="cook"), ranking=None)
    assert [hit.posting.title for hit in found.hits] == ["Staying cook"]
    # Every request within the minute sends the very same filter, so
    # Elasticsearch keeps its matches.
    first = posting_search(PostingQuery(text="cook"), now=moment - timezone.timedelta(seconds=59))
    later = posting_search(PostingQuery(text="cook"), now=moment)
    assert first.to_dict() == later.to_dict()


def test_pausing_removes_the_document_and_resuming_brings_it_back(index):
    from jobs import services
    from tests.factories import OwnerFactory

    posting = PublishedPostingFactory(title="Welder")
    owner = OwnerFactory(employer=posting.employer).user
    refresh()
    services.posting_pause(posting=posting, by=owner)
    refresh()
    assert search("welder") == []
    services.posting_resume(posting=posting, by=owner)
    refresh()
    assert search("welder") == ["Welder"]


def test_renaming_an_employer_reindexes_its_postings(index):
    posting = PublishedPostingFactory(title="Baker")
    refresh()
    posting.employer.name = "Second Rise Bakery"
    posting.employer.save()
    refresh()

    assert search("second rise") == ["Baker"]


def test_the_rows_behind_hits_are_kept_until_a_change_reaches_the_index(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    posting = PublishedPostingFactory(title="Baker", employer__name="First Rise")
    PublishedPostingFactory(title="Baker, night shift")
    refresh()
    assert "First Rise" in client.get("/jobs/?q=baker").content.decode()

    # Nothing changed: which hits are visible is asked again, their rows are not.
    with CaptureQueriesContext(connection) as queries:
        client.get("/jobs/?q=baker")
    assert not [q for q in queries if "jobs_postinglocation" in q["sql"]]

    # A change that reaches the index (the employer renamed) shows on the next view.
    posting.employer.name = "Second Rise Bakery"
    posting.employer.save()
    refresh()
    page = client.get("/jobs/?q=baker").content.decode()
    assert "Second Rise Bakery" in page
    assert "First Rise" not in page

    # Visibility is the database's on every view, even for a change that
    # bypassed the index: the kept row is not shown.
    type(posting).objects.filter(pk=posting.pk).update(status=Status.CLOSED)
    page = client.get("/jobs/?q=baker").content.decode()
    assert "Second Rise Bakery" not in page
    assert "night shift" in page


def _columns(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_a_kept_row_comes_back_whole_and_as_instances_of_its_own():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jobs.selectors import visible_postings_by_id

    posting = PublishedPostingFactory(title="Baker", skills=["baking", "food hygiene"])
    posting.locations.create(
        label="Dayton, OH",
        locality="Dayton",
        region="OH",
        country="US",
        latitude=39.7589,
        longitude=-84.1916,
    )
    other = PublishedPostingFactory(title="Cook")
    ids = [posting.pk, other.pk]
    read = visible_postings_by_id(ids)[posting.pk]

    with CaptureQueriesContext(connection) as queries:
        kept = visible_postings_by_id(ids)[posting.pk]
        places = list(kept.locations.all())
        employer = kept.employer
        assert all(place.posting is kept for place in places)
    # Only the generation and which hits are visible: not the rows.
    assert len(queries) == 2, [q["sql"] for q in queries]

    assert kept is not read
    assert employer is not read.employer
    assert _columns(kept) == _columns(read)
    assert kept.get_deferred_fields() == set()
    assert (kept._state.db, kept._state.adding) == (read._state.db, False)
    assert (employer._state.db, employer._state.adding) == (read._state.db, False)
    assert kept.__dict__["_address"] == read.__dict__["_address"]
    assert _columns(employer) == _columns(read.employer)
    assert [_columns(place) for place in places] == [
        _columns(place) for place in read.locations.all()
    ]
    assert kept.get_absolute_url() == read.get_absolute_url()
    # Its places as a queryset are still its own, not every posting's.
    assert [p.label for p in kept.locations.filter(locality="Dayton")] == ["Dayton, OH"]
    assert kept.locations.count() == 2

    # Nothing one caller changes reaches the next.
    kept.title = "Changed"
    kept.skills.append("changed")
    employer.name = "Changed"
    places[0].label = "Changed"
    again = visible_postings_by_id(ids)[posting.pk]
    assert again.title == "Baker"
    # And one saved is updated, not added.
    again.save(update_fields=["title"])
    assert type(posting).objects.filter(title="Baker").count() == 1
    assert again.skills == ["baking", "food hygiene"]
    assert again.employer.name == read.employer.name
    assert [p.label for p in again.locations.all()] == [p.label for p in read.locations.all()]


def test_a_file_field_read_before_it_is_kept_is_kept_by_its_name():
    from jobs.selectors import _EMPLOYER
    from tests.factories import EmployerFactory

    employer = EmployerFactory(logo="employers/logos/harbour.png")
    assert employer.logo.name  # read: the field now holds a file object tied to this instance

    values = _EMPLOYER.of(employer)
    assert "employers/logos/harbour.png" in values
    made = _EMPLOYER.instance("default", values)
    assert made.logo.name == "employers/logos/harbour.png"
    assert made.logo.instance is made


@pytest.mark.parametrize("signal", ["pre_init", "post_init"])
def test_kept_rows_are_made_through_init_when_something_listens_to_it(signal):
    from django.db.models import signals

    from jobs.models import JobPosting
    from jobs.selectors import visible_postings_by_id

    posting = PublishedPostingFactory(title="Baker")
    visible_postings_by_id([posting.pk])  # read, and kept
    made = []

    def listener(sender, **kwargs):
        made.append(kwargs.get("instance"))  # post_init names it; pre_init comes before it

    getattr(signals, signal).connect(listener, sender=JobPosting)
    try:
        kept = visible_postings_by_id([posting.pk])[posting.pk]
    finally:
        getattr(signals, signal).disconnect(listener, sender=JobPosting)
    assert len(made) == 1
    assert signal == "pre_init" or made[0] is kept
    assert kept.title == "Baker"
    assert kept._state.adding is False


# The page -----------------------------------------------------------------------


def test_the_page_marks_the_words_that_matched(client, index):
    PublishedPostingFactory(
        title="Probation Officers", description="<p>Our officers help people.</p>"
    )
    refresh()

    page = parse(client.get("/jobs/?q=officer"))

    assert [m.get_text() for m in page.select(".posting-card mark")] == ["Officers", "officers"]


def test_a_typo_lists_the_corrected_results(client, index):
    PublishedPostingFactory(title="Warehouse operative")
    refresh()

    page = parse(client.get("/jobs/?q=warehuose"))

    assert [h.get_text(" ", strip=True) for h in page.select(".posting-card__title")] == [
        "Warehouse operative"
    ]
    note = page.select_one(".did-you-mean")
    assert note.select_one("strong").get_text() == "warehouse"
    as_typed = note.select_one("a")
    assert as_typed.get_text() == "warehuose"
    assert "q=warehuose" in as_typed["href"]
    assert "keep=spelling" in as_typed["href"]


def test_the_spelling_suggester_is_asked_apart_and_only_of_words(index):
    PublishedPostingFactory(title="Warehouse operative")
    refresh()

    # The page's own request never carries it: its answer is wanted only when
    # nothing was found (jobs.search.recovery asks then).
    assert "suggest" not in posting_search(PostingQuery(text="warehuose")).to_dict()
    assert run_posting_search(PostingQuery(text="warehuose")).total == 0
    assert spelling_correction(PostingQuery(text="warehuose")) == "warehouse"
    assert spelling_correction(PostingQuery(text="warehouse")) == ""
    assert spelling_search(PostingQuery(filters={"category": "retail"})) is None
    assert spelling_correction(PostingQuery(filters={"category": "retail"})) == ""


@pytest.mark.parametrize(
    "params",
    [
        "q=" + "word " * 100,
        'q=(+-&&||!{}[]^"~*?:\\/)',
        "q=title:cook AND NOT",
        "category=astronaut",
        "radius=-5&place=Columbus%2C+OH",
        "place=Qwertyville+Zzz",
        "page=10000",
        "page=-3",
        "page=abc",
        "sort=nearest",
        "credential=made-up",
        "salary=1000000",
    ],
)
def test_bad_input_gives_a_sensible_page(client, index, params):
    PublishedPostingFactory(title="Cook")
    refresh()

    response = client.get(f"/jobs/?{params}")

    assert response.status_code == 200
    page = parse(response)
    assert (
        page.select_one(".error-summary")
        or page.select_one(".empty-state")
        or page.select(".posting-card")
    )


def test_autocomplete_suggests_titles_and_employers(client, index):
    PublishedPostingFactory(title="Warehouse operative")
    refresh()

    assert client.get("/jobs/suggest/?q=ware").json() == {"suggestions": ["Warehouse operative"]}
    assert client.get("/jobs/suggest/?q=").json() == {"suggestions": []}


def test_when_elasticsearch_is_down_the_page_answers_from_the_database(
    client, caplog, seeded_credentials
):
    # The test settings point Elasticsearch at a port where nothing listens.
    PublishedPostingFactory(title="Cook", located="Leeds, England")
    PublishedPostingFactory(title="Cleaner")

    response = client.get("/jobs/?q=cook&place=Leeds%2C+England")

    assert response.status_code == 200
    page = parse(response)
    assert "results are limited" in page.select_one(".notice").get_text()
    assert [h.get_text(strip=True) for h in page.select(".posting-card__title")] == ["Cook"]
    assert "fell back to the database" in caplog.text


def test_when_elasticsearch_is_down_the_filters_chosen_still_apply(client, seeded_credentials):
    """The database's answer keeps every filter but pay: someone who asked for
    verified employers, a credential or a check level is never shown others."""

    # The test settings point Elasticsearch at a port where nothing listens.
    def mentor(level, verified, cpors):
        posting = PublishedPostingFactory(
            title="Peer mentor",
            check_level=level,
            employer__verification_status="verified" if verified else "unverified",
        )
        if cpors:
            getattr(posting, f"{cpors}_credentials").add(credential("cpors"))
        return posting

    wanted = mentor(CheckLevel.NONE, verified=True, cpors="preferred")
    mentor(CheckLevel.NONE, verified=False, cpors="preferred")
    mentor(CheckLevel.ENHANCED, verified=True, cpors="required")
    mentor(CheckLevel.NONE, verified=True, cpors=None)
    also_wanted = mentor(CheckLevel.NONE, verified=True, cpors="required")

    response = client.get("/jobs/?q=mentor&check_level=none&credential=cpors&verified=on")

    page = parse(response)
    assert "not by distance or pay" in page.select_one(".notice").get_text()
    # Newest first.
    assert [a["href"] for a in page.select(".posting-card__title a")] == [
        also_wanted.get_absolute_url(),
        wanted.get_absolute_url(),
    ]


def test_the_site_search_box_finds_jobs_the_way_the_job_search_does(client, index):
    PublishedPostingFactory(title="Probation Officers")
    refresh()

    page = parse(client.get("/search/?q=officer"))

    assert "Probation Officers" in page.get_text()


def test_a_full_results_page_weighs_well_under_100_kb(client, index, settings):
    # Product rule: a results page under 100 KB over the wire, images aside.
    # Counted uncompressed (what a proxy without gzip sends), with its CSS and JS.
    from pathlib import Path

    for n in range(25):
        PublishedPostingFactory(
            title=f"Warehouse operative {n}",
            description="<p>" + "Pick, pack and load orders for our customers. " * 40 + "</p>",
            skills=["forklift", "stock control", "teamwork"],
        )
    refresh()

    response = client.get("/jobs/?q=warehouse")

    page = parse(response)
    assert len(page.select(".posting-card")) == 20
    static = Path(settings.BASE_DIR) / "site" / "static"
    assets = [tag["href"] for tag in page.select("link[rel=stylesheet]")]
    assets += [tag["src"] for tag in page.select("script[src]")]
    weight = len(response.content) + sum(
        (static / url.removeprefix("/static/")).stat().st_size for url in assets
    )
    assert weight < 100 * 1024, weight


@pytest.mark.parametrize(
    ("params", "selected", "error"),
    [
        ({"q": "cook"}, "25", False),
        ({"q": "cook", "place": "Columbus, OH", "radius": "10"}, "10", False),
        ({"q": "cook", "place": "Columbus, OH", "radius": "7"}, None, True),
    ],
)
def test_the_distance_list_shows_the_distance_searched_or_says_what_is_wrong(
    client, index, params, selected, error
):
    page = parse(client.get("/jobs/", params))
    box = page.select_one("select#id_radius[name=radius]")

    chosen = [option["value"] for option in box.select("option[selected]")]
    assert chosen == ([selected] if selected else [])
    assert [o["value"] for o in box.select("option")] == ["5", "10", "25", "50"]
    if error:
        assert box["aria-invalid"] == "true"
        assert box["aria-describedby"] == "id_radius_error"
        assert "Choose a distance from the list." in page.select_one("#id_radius_error").get_text()
    else:
        assert not box.has_attr("aria-invalid")
