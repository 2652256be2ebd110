"""``manage.py search_index``: what it prints and the exit codes scripts rely on."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fairsite.accounts.models import User
from fairsite.outbox.models import OutboxEntry
from tests.site.user_index import NAME, change_user, make_users

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("search_index", *args, stdout=out, skip_checks=False)
    return out.getvalue()


def exit_code(*args):
    try:
        run(*args)
    except CommandError as error:
        return error.returncode
    return 0


def test_rebuild_then_check_is_clean_and_exits_zero(user_index):
    make_users(3)

    built = run("--rebuild", NAME)

    assert f"{NAME}: 3 documents into {user_index.alias}-v1-" in built
    assert run("--check", NAME) == f"{NAME}: 0 missing, 0 extra, 0 stale\n"
    assert exit_code("--check", NAME) == 0


def test_check_exits_one_on_drift_and_on_a_missing_index(user_index):
    assert exit_code("--check", NAME) == 1  # no index yet
    make_users(2)
    run("--rebuild", NAME)
    User.objects.update(is_active=False)  # behind the outbox's back

    with pytest.raises(CommandError, match=NAME) as drift:
        run("--check", NAME)

    assert drift.value.returncode == 1


def test_ensure_builds_a_missing_index_once_and_then_leaves_it(user_index):
    make_users(2)

    assert run("--ensure", NAME) == f"{NAME}: built, 2 documents\n"
    assert run("--ensure", NAME) == f"{NAME}: live\n"
    assert exit_code("--check", NAME) == 0


def test_check_exits_two_when_elasticsearch_is_unreachable(user_index, settings):
    settings.ELASTICSEARCH = {**settings.ELASTICSEARCH, "URL": "http://127.0.0.1:9"}

    assert exit_code("--check") == 2


def test_check_of_an_unknown_index_names_the_known_ones(user_index):
    with pytest.raises(CommandError, match=r"registered: .*users"):
        run("--check", "postingz")


def test_status_shows_alias_documents_and_outbox_backlog(user_index):
    (user,) = make_users(1)
    run("--rebuild")
    change_user(user.pk, first_name="Queued")

    shown = run("--status")

    assert f"alias          {user_index.alias} -> {user_index.alias}-v1-" in shown
    assert "documents      1" in shown
    assert "mapping        current" in shown
    assert "outbox         1 queued, 0 failing, oldest " in shown


def test_status_still_shows_the_backlog_when_elasticsearch_is_down(user_index, settings):
    (user,) = make_users(1)
    change_user(user.pk)
    settings.ELASTICSEARCH = {**settings.ELASTICSEARCH, "URL": "http://127.0.0.1:9"}
    out = StringIO()

    with pytest.raises(CommandError) as unreachable:
        call_command("search_index", "--status", stdout=out)

    assert unreachable.value.returncode == 2
    assert "elasticsearch  unreachable" in out.getvalue()
    assert "outbox         1 queued" in out.getvalue()


def test_drain_sends_waiting_changes_at_once(user_index):
    (user,) = make_users(1)
    run("--rebuild")
    change_user(user.pk, first_name="Waiting")
    OutboxEntry.objects.update(attempts=5, next_attempt_at="2999-01-01T00:00Z")

    assert run("--drain") == "sent 1, failed 0 (1 had been waiting to retry)\n"
    assert not OutboxEntry.objects.exists()
