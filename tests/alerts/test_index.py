"""The alerts index holds exactly the active alerts, as criteria and nothing else."""

import io
import json
import zipfile
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from candidates.alerts import search as alerts_search
from candidates.alerts.models import Alert, AlertMatch, Frequency
from candidates.alerts.search import ANY, alerts_index
from candidates.alerts.services import (
    alert_create,
    alert_delete,
    alert_pause,
    alert_resume,
    alert_update,
)
from fairsite.accounts.services import account_delete, account_export
from fairsite.search import indices as indices_module
from fairsite.search.client import get_client
from fairsite.search.indices import check, rebuild
from jobs.search.places import ANYWHERE
from jobs.search.queries import Near, PostingQuery
from tests.alerts.conftest import sync
from tests.alerts.factories import AlertFactory, PausedAlertFactory
from tests.factories import PublishedPostingFactory, UserFactory

pytestmark = pytest.mark.django_db

COLUMBUS = Near(39.9612, -82.9988, 25, "Columbus, OH")


def indexed_ids() -> set[int]:
    """The ids of the alerts the index lists, over every set of criteria."""
    found = get_client().search(index=alerts_index.alias, size=100)
    return {pk for hit in found["hits"]["hits"] for pk in hit["_source"]["alert_ids"]}


def document(alert) -> dict:
    alert.refresh_from_db()
    return get_client().get(index=alerts_index.alias, id=str(alert.criteria_id))["_source"]


def test_an_alert_is_stored_as_its_criteria_in_matchable_form(indices):
    alert = alert_create(
        owner=UserFactory(email="private@example.org"),
        query=PostingQuery(
            text="Peer Support Specialists peer",
            near=COLUMBUS,
            filters={"category": "peer-support", "credential": "cpors"},
            flags=frozenset({"after_offer"}),
        ),
    )
    sync()

    found = document(alert)

    # A related-titles phrase is one term: its group's token.
    assert found["terms"] == ["zsynpeersupport", "peer"]
    assert found["term_count"] == 2
    assert found["category"] == "peer-support"
    assert found["credential"] == "cpors"
    assert found["employment_type"] == ANY
    assert found["flags"] == ["after_offer"]
    assert found["point"] == {"lat": 39.9612, "lon": -82.9988}
    assert found["radius_miles"] == 25
    # Nothing that says whose alert it is: that link lives in the database only.
    assert "private@example.org" not in str(found)
    assert not {"owner", "owner_id", "email", "name"} & found.keys()


def test_an_empty_search_matches_everything_it_can(indices):
    alert = alert_create(owner=UserFactory(), query=PostingQuery())
    sync()

    found = document(alert)

    assert (found["terms"], found["term_count"], found["flags"]) == ([], 0, [])
    assert found["radius_miles"] == ANYWHERE
    assert "point" not in found


def test_a_deleted_alert_is_removed_from_the_alerts_index(indices):
    kept = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    deleted = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    sync()
    assert indexed_ids() == {kept.pk, deleted.pk}

    alert_delete(alert=deleted)
    sync()

    assert indexed_ids() == {kept.pk}


def test_deleting_an_account_removes_its_alerts_from_the_index(indices):
    owner = UserFactory()
    kept = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    alert_create(owner=owner, query=PostingQuery(text="cook"))
    sync()

    account_delete(user=owner)
    sync()

    assert indexed_ids() == {kept.pk}
    assert not Alert.objects.filter(owner_id=owner.pk).exists()


def test_an_account_export_holds_its_alerts_and_their_matches():
    owner = UserFactory()
    alert = alert_create(
        owner=owner, query=PostingQuery(text="night cook"), frequency=Frequency.DAILY
    )
    AlertMatch.objects.create(alert=alert, posting=PublishedPostingFactory())
    alert_create(owner=UserFactory(), query=PostingQuery(text="someone else's search"))

    archive = zipfile.ZipFile(io.BytesIO(account_export(user=owner)))
    data = json.loads(archive.read("data.json"))["data"]

    assert [row["text"] for row in data["alerts.Alert"]] == ["night cook"]
    assert data["alerts.Alert"][0]["frequency"] == "daily"
    assert [row["alert"] for row in data["alerts.AlertMatch"]] == [alert.name]


def test_pausing_removes_an_alert_and_resuming_brings_it_back(indices):
    alert = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    sync()

    alert_pause(alert=alert)
    sync()
    assert indexed_ids() == set()

    alert_resume(alert=alert)
    sync()
    assert indexed_ids() == {alert.pk}


def test_a_rolled_back_alert_leaves_nothing_to_index(indices):
    try:
        with transaction.atomic():
            alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
            raise RuntimeError("the request failed")
    except RuntimeError:
        pass
    sync()

    assert indexed_ids() == set()


def test_alerts_with_the_same_search_share_one_document(indices):
    cooks = [alert_create(owner=UserFactory(), query=PostingQuery(text="cook")) for _ in range(3)]
    # Only the label differs: the same document.
    near = PostingQuery(text="cook", near=COLUMBUS)
    elsewhere = Near(COLUMBUS.latitude, COLUMBUS.longitude, 25, "Downtown Columbus")
    labelled = [
        alert_create(owner=UserFactory(), query=near),
        alert_create(owner=UserFactory(), query=PostingQuery(text="cook", near=elsewhere)),
    ]
    sync()

    assert {alert.criteria_id for alert in cooks} == {cooks[0].criteria_id}
    assert document(cooks[0])["alert_ids"] == sorted(alert.pk for alert in cooks)
    assert labelled[0].criteria_id == labelled[1].criteria_id != cooks[0].criteria_id
    assert get_client().count(index=alerts_index.alias)["count"] == 2

    # Pausing one leaves the others listed; changing one's search moves it.
    alert_pause(alert=cooks[0])
    alert_update(
        alert=cooks[1], query=PostingQuery(text="night cook"), name="Night cook", frequency="daily"
    )
    sync()

    cooks[1].refresh_from_db()
    assert document(cooks[2])["alert_ids"] == [cooks[2].pk]
    assert document(cooks[1])["alert_ids"] == [cooks[1].pk]
    assert document(cooks[1])["term_count"] == 2
    assert indexed_ids() == {cooks[1].pk, cooks[2].pk, *(alert.pk for alert in labelled)}

    # The last active alert of a set gone, the set's document goes too.
    alert_delete(alert=cooks[2])
    sync()
    assert indexed_ids() == {cooks[1].pk, *(alert.pk for alert in labelled)}
    assert get_client().count(index=alerts_index.alias)["count"] == 2


def test_a_rebuild_loads_the_active_alerts_and_check_finds_no_drift(indices):
    # Three empty searches (one document) and one with words.
    active = [*AlertFactory.create_batch(3), AlertFactory(text="cook")]
    PausedAlertFactory()
    PausedAlertFactory(text="baker")

    report = rebuild(alerts_index)
    get_client().indices.refresh(index=alerts_index.alias)

    assert report.documents == 2
    assert indexed_ids() == {alert.pk for alert in active}
    assert not check(alerts_index).ids


def test_a_rebuild_in_many_pages_loads_every_active_set_once(indices, monkeypatch):
    monkeypatch.setattr(indices_module, "CHUNK_SIZE", 2)
    active = []
    for number in range(5):
        active.append(AlertFactory(text=f"cook {number}"))
        PausedAlertFactory(text=f"baker {number}")  # a set with no active alert
    # A set on a later page that gains an alert after the others were made.
    active.append(AlertFactory(text="cook 3"))

    with CaptureQueriesContext(connection) as queries:
        report = rebuild(alerts_index)
    get_client().indices.refresh(index=alerts_index.alias)

    assert report.documents == 5
    assert indexed_ids() == {alert.pk for alert in active}
    assert not check(alerts_index).ids
    # Past the first page, the alerts looked through for a page's sets are
    # bounded as the sets are: without that, PostgreSQL reads the alerts from
    # the first set's on for every page (a merge join), and a rebuild at a
    # million alerts took 539 s.
    pages = [q["sql"] for q in queries if 'FROM "alerts_alertcriteria" WHERE' in q["sql"]]
    first_page_end = active[1].criteria_id
    later = [sql for sql in pages if f'"id" > {first_page_end}' in sql]
    assert later
    assert all(f'"criteria_id" > {first_page_end}' in sql[sql.index("EXISTS") :] for sql in later)


def test_the_search_index_command_rebuilds_and_checks_the_alerts_index(indices):
    AlertFactory.create_batch(2)
    AlertFactory(text="cook")
    out = StringIO()

    call_command("search_index", "--rebuild", "alerts", stdout=out)
    call_command("search_index", "--check", "alerts", stdout=out)

    assert f"alerts: 2 documents into {alerts_index.alias}-v" in out.getvalue()
    assert "alerts: 0 missing, 0 extra, 0 stale" in out.getvalue()


def test_a_set_read_just_as_its_alerts_change_still_gets_a_document_that_is_safe(indices):
    paused = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    deleted = alert_create(owner=UserFactory(), query=PostingQuery(text="baker"))
    # The batch is read while the sets still have active alerts...
    batch = list(alerts_index.queryset().order_by("pk"))
    # ...and their alerts change before the documents are built.
    alert_pause(alert=paused)
    alert_delete(alert=deleted)
    alerts_search._load_active_alerts(batch)

    documents = [alerts_search.alert_document(criteria) for criteria in batch]

    # Nobody left to list: documents no posting can match (no words clause
    # meets them), until the drain removes them.
    assert documents == [
        {"criteria_id": paused.criteria_id, "alert_ids": []},
        {"criteria_id": deleted.criteria_id, "alert_ids": []},
    ]
    sync()
    assert indexed_ids() == set()
    assert get_client().count(index=alerts_index.alias)["count"] == 0


def test_an_alert_changed_from_an_older_copy_leaves_the_set_it_is_really_in(indices):
    alert = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    other = alert_create(owner=UserFactory(), query=PostingQuery(text="baker"))
    stale = Alert.objects.get(pk=alert.pk)  # a second tab, opened before the edit
    alert_update(alert=alert, query=PostingQuery(text="baker"), name="Baker", frequency="instant")
    sync()
    assert document(other)["alert_ids"] == sorted([alert.pk, other.pk])

    alert_update(alert=stale, query=PostingQuery(text="welder"), name="Welder", frequency="instant")
    sync()

    assert document(other)["alert_ids"] == [other.pk]
    assert document(alert)["alert_ids"] == [alert.pk]
    assert indexed_ids() == {alert.pk, other.pk}


def test_a_change_moves_its_sets_version_on_even_from_a_clock_behind(indices, monkeypatch):
    alert = alert_create(owner=UserFactory(), query=PostingQuery(text="cook"))
    before = alert.criteria.updated_at
    # Another machine whose clock is an hour behind saves the next change.
    behind = before - timedelta(hours=1)
    monkeypatch.setattr(alerts_search.timezone, "now", lambda: behind)

    alert_pause(alert=alert)

    alert.criteria.refresh_from_db()
    assert alert.criteria.updated_at > before
