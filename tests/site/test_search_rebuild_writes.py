"""A rebuild while the site keeps writing loses no write.

These tests commit for real (``transactional_db``): each change commits with
its outbox entry, and the after-commit drain runs at once (the test settings
run tasks immediately), in the writing thread, while the rebuild runs.
"""

import random
import threading
from dataclasses import replace

import pytest
from django.db import connection

from fairsite.outbox.drain import drain_due
from fairsite.outbox.models import OutboxEntry
from fairsite.search import indices
from fairsite.search.client import get_client
from tests.site.user_index import change_user, delete_user, make_users

pytestmark = pytest.mark.django_db(transaction=True)


def test_writes_during_a_rebuild_all_reach_the_new_index(user_index):
    users = [user.pk for user in make_users(1500)]
    indices.ensure(user_index)
    rebuilding, stop = threading.Event(), threading.Event()
    writes_during_rebuild = []
    errors = []

    def write_until_stopped():
        chance = random.Random(7)
        created = 0
        try:
            while not stop.is_set():
                user_id = chance.choice(users)
                roll = chance.random()
                if roll < 0.6:
                    change_user(user_id, first_name=f"Changed{chance.randrange(1000)}")
                elif roll < 0.75:
                    change_user(user_id, is_active=False)
                elif roll < 0.9:
                    change_user(user_id, is_active=True)
                elif roll < 0.95:
                    delete_user(user_id)
                else:
                    (user,) = make_users(1, start=10_000 + created)
                    created += 1
                    users.append(user.pk)
                    change_user(user.pk)
                if rebuilding.is_set():
                    writes_during_rebuild.append(user_id)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    writer = threading.Thread(target=write_until_stopped)
    writer.start()
    try:
        # Rebuild until enough writes have raced a rebuild (on a fast machine
        # one rebuild of 1500 users is over in a second).
        for _ in range(10):
            rebuilding.set()
            report = indices.rebuild(user_index)
            rebuilding.clear()
            if len(writes_during_rebuild) >= 50:
                break
    finally:
        stop.set()
        writer.join()
    drain_due()

    assert errors == []
    assert len(writes_during_rebuild) >= 50
    assert not OutboxEntry.objects.exists()
    assert indices.check(user_index).is_clean
    assert report.index == indices.status(user_index).live


def test_a_write_made_mid_load_reaches_the_new_index_without_the_repair(user_index):
    *_, last = make_users(5)
    indices.ensure(user_index)
    changed = []

    def document_and_write_once(user):
        # The load has already read every user, `last` included, when it builds
        # the first document; a change to `last` now is one the load cannot see.
        if not changed:
            changed.append(True)
            change_user(last.pk, first_name="Moved")
        return user_index.to_document(user)

    report = indices.rebuild(replace(user_index, to_document=document_and_write_once))

    document = get_client().get(index=user_index.alias, id=str(last.pk))
    assert document["_source"]["name_text"] == "Moved Specialist4"
    assert report.repaired == 0
    assert not OutboxEntry.objects.exists()
    assert indices.check(user_index).is_clean


def test_a_delete_made_mid_load_is_gone_from_the_new_index_once_the_rebuild_ends(user_index):
    *_, last = make_users(5)
    indices.ensure(user_index)
    deleted = []

    def document_and_delete_once(user):
        if not deleted:
            deleted.append(True)
            delete_user(last.pk)  # the load has already read `last`
        return user_index.to_document(user)

    report = indices.rebuild(replace(user_index, to_document=document_and_delete_once))

    # Deletes go to the live index only; the repair after the swap removes it
    # from the new one.
    assert report.repaired == 1
    assert not get_client().exists(index=user_index.alias, id=str(last.pk))
    assert not OutboxEntry.objects.exists()
    assert indices.check(user_index).is_clean
