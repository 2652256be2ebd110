"""Daily and weekly digests: each posting once per alert, ever; only live postings; on time."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.alerts import digests as digests_module
from candidates.alerts.digests import (
    _digest_email,
    _queue_batch,
    _Shared,
    claim_digests,
    send_due_digests,
    waiting_matches,
)
from candidates.alerts.emails import alert_emails_queued
from candidates.alerts.models import Alert, AlertMatch, Frequency
from candidates.alerts.services import alert_update
from fairsite.mail.models import OutgoingEmail
from fairsite.site_address import absolute_url
from jobs.models import Status
from partners import alert_copies
from tests.alerts.factories import DailyAlertFactory, PausedAlertFactory, WeeklyAlertFactory
from tests.factories import PublishedPostingFactory
from tests.partners.factories import GrantFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def matched(alert, *titles, **kwargs) -> list:
    postings = [PublishedPostingFactory(title=title, **kwargs) for title in titles]
    AlertMatch.objects.bulk_create(AlertMatch(alert=alert, posting=p) for p in postings)
    return postings


def digests() -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(subject__contains="for your alert").order_by("pk"))


def titles_in(email: OutgoingEmail, postings) -> list[str]:
    return [p.title for p in postings if p.get_absolute_url() in email.body_text]


def made_days_ago(factory, days: float, **kwargs) -> Alert:
    return factory(last_digest_at=timezone.now() - timedelta(days=days), **kwargs)


def test_a_digest_lists_each_new_posting_once_and_never_again():
    alert = made_days_ago(DailyAlertFactory, 1.01)
    postings = matched(alert, "Cook", "Porter", "Baker")

    report = send_due_digests()

    [email] = digests()
    assert (report.emails, report.postings) == (1, 3)
    assert email.subject == "3 new jobs for your alert: " + alert.name
    assert sorted(titles_in(email, postings)) == ["Baker", "Cook", "Porter"]
    assert all(email.body_text.count(p.get_absolute_url()) == 1 for p in postings)
    for posting in postings:
        assert email.body_html.count(f'href="{absolute_url(posting.get_absolute_url())}"') == 1
    assert not AlertMatch.objects.filter(sent_at__isnull=True).exists()

    # A day later, with one more match: only the new posting goes out.
    later = matched(alert, "Dishwasher")
    send_due_digests(now=timezone.now() + DAY)
    assert len(digests()) == 2
    assert titles_in(digests()[1], postings + later) == ["Dishwasher"]

    # Nothing new: nothing sent, however often the job runs.
    send_due_digests(now=timezone.now() + 3 * DAY)
    assert len(digests()) == 2


def test_a_digest_waits_for_its_period_and_keeps_to_its_time_of_day():
    made = timezone.now().replace(microsecond=0) - timedelta(hours=30)
    alert = DailyAlertFactory(last_digest_at=made)
    weekly = made_days_ago(WeeklyAlertFactory, 5)
    matched(alert, "Cook")
    matched(weekly, "Cook")

    send_due_digests()

    assert [email.to for email in digests()] == [[alert.owner.email]]
    alert.refresh_from_db()
    # Due six hours ago; the next is due a day after that, not a day after now.
    assert alert.last_digest_at == made + DAY
    send_due_digests(now=timezone.now() + DAY)
    assert len(digests()) == 1  # the daily one has nothing new; the weekly one is 6 days old
    send_due_digests(now=timezone.now() + 2 * DAY)
    assert [email.to for email in digests()][1:] == [[weekly.owner.email]]


def test_postings_no_longer_live_are_left_out_and_kept_for_later():
    alert = made_days_ago(DailyAlertFactory, 2)
    live, paused, expired = matched(alert, "Cook", "Porter", "Baker")
    type(paused).objects.filter(pk=paused.pk).update(status=Status.PAUSED)
    type(expired).objects.filter(pk=expired.pk).update(expires_at=timezone.now() - DAY)

    send_due_digests()

    [email] = digests()
    assert titles_in(email, [live, paused, expired]) == ["Cook"]
    assert set(
        AlertMatch.objects.filter(sent_at__isnull=True).values_list("posting", flat=True)
    ) == {
        paused.pk,
        expired.pk,
    }


def test_paused_alerts_get_no_digest_and_closed_accounts_neither():
    matched(made_days_ago(PausedAlertFactory, 2, frequency=Frequency.DAILY), "Cook")
    quiet = made_days_ago(DailyAlertFactory, 2)
    quiet.owner.is_active = False
    quiet.owner.save()
    matched(quiet, "Cook")

    assert send_due_digests().emails == 0


def test_a_run_in_several_batches_sends_every_due_digest_once(monkeypatch):
    monkeypatch.setattr(digests_module, "BATCH_SIZE", 2)
    due = []
    for number in range(7):
        due.append(made_days_ago(DailyAlertFactory, 2))
        matched(due[-1], f"Cook {number}")
        # Between them, alerts that are not due: paused, or with nothing new.
        matched(made_days_ago(PausedAlertFactory, 2, frequency=Frequency.DAILY), "Porter")
        made_days_ago(DailyAlertFactory, 2)

    report = send_due_digests()

    assert report.emails == 7
    assert sorted(email.to[0] for email in digests()) == sorted(a.owner.email for a in due)
    assert send_due_digests().emails == 0


def test_each_batch_bounds_the_matches_it_looks_through(monkeypatch):
    # The next batch's alerts come after the last one's id, and so must the
    # matches looked through for them: without that bound, PostgreSQL reads
    # the matches from the first alert's on for every batch (a merge join),
    # and each batch of a run costs more than the one before.
    monkeypatch.setattr(digests_module, "BATCH_SIZE", 2)
    alerts = [made_days_ago(DailyAlertFactory, 2) for _ in range(3)]
    for alert in alerts:
        matched(alert, "Cook")

    with CaptureQueriesContext(connection) as queries:
        assert send_due_digests().emails == 3

    batch_reads = [q["sql"] for q in queries if 'FROM "alerts_alert" INNER JOIN' in q["sql"]]
    second = batch_reads[1]
    assert f'"alert_id" > {alerts[1].pk}' in second[second.index("EXISTS") :]


def test_receivers_learn_whose_email_and_its_postings_not_the_search_or_the_link():
    alert = made_days_ago(DailyAlertFactory, 2, text="forklift")
    matched(alert, "Cook")
    told = []

    def record(sender, *, emails, **kwargs):
        told.extend(emails)

    alert_emails_queued.connect(record, dispatch_uid="test.record")
    try:
        assert send_due_digests().emails == 1
    finally:
        alert_emails_queued.disconnect(dispatch_uid="test.record")

    [email] = told
    assert (email.alert_id, email.owner_id) == (alert.pk, alert.owner_id)
    assert "Cook" in email.blocks[0]["text"]
    assert email.key.startswith(f"alert:{alert.pk}:digest:")
    assert "unsubscribe" not in repr(email)
    assert "forklift" not in repr(email)


def test_switching_a_daily_alert_to_instant_sends_what_was_waiting_at_once():
    alert = made_days_ago(DailyAlertFactory, 0.5)
    matched(alert, "Cook")
    assert send_due_digests().emails == 0

    alert_update(alert=alert, query=alert.query, name=alert.name, frequency=Frequency.INSTANT)

    assert send_due_digests().emails == 1


def test_two_overlapping_runs_send_one_digest():
    alert = made_days_ago(DailyAlertFactory, 2)
    matched(alert, "Cook", "Porter")
    # A second run that read the alert and its matches before the first one sent it.
    stale = Alert.objects.get(pk=alert.pk)
    now = timezone.now()
    waiting = waiting_matches([stale], now)
    assert len(waiting[stale.pk]) == 2

    send_due_digests()

    assert claim_digests([stale], now) == set()
    assert len(digests()) == 1
    assert not AlertMatch.objects.filter(alert=alert, sent_at__isnull=True).exists()


def test_a_digest_email_has_a_text_and_an_accessible_html_part_with_an_unsubscribe_link():
    alert = made_days_ago(DailyAlertFactory, 2, name="Cooking near Leeds")
    matched(alert, "Cook & chef")

    send_due_digests()

    [email] = digests()
    assert "Cook & chef" in email.body_text
    assert "Cook &amp; chef" in email.body_html
    assert '<html lang="en">' in email.body_html
    assert "/alerts/unsubscribe/" in email.body_text
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert email.headers["List-Unsubscribe"].startswith("<http")


def test_each_alert_in_a_batch_gets_its_own_newest_postings_and_the_rest_wait(monkeypatch):
    monkeypatch.setattr(digests_module, "MAX_POSTINGS", 2)
    busy = made_days_ago(DailyAlertFactory, 2)
    quiet = made_days_ago(DailyAlertFactory, 2)
    now = timezone.now()
    oldest, newest, middle = (
        matched(busy, title, published_at=now - timedelta(hours=hours))[0]
        for title, hours in (("Cook", 30), ("Porter", 1), ("Baker", 5))
    )
    [own] = matched(quiet, "Gardener")

    report = send_due_digests()

    assert (report.emails, report.postings) == (2, 3)
    by_owner = {email.to[0]: email for email in digests()}
    assert titles_in(by_owner[busy.owner.email], [oldest, newest, middle]) == ["Porter", "Baker"]
    assert titles_in(by_owner[quiet.owner.email], [oldest, newest, middle, own]) == ["Gardener"]
    unsent = AlertMatch.objects.filter(sent_at__isnull=True)
    assert list(unsent.values_list("alert", "posting")) == [(busy.pk, oldest.pk)]

    send_due_digests(now=timezone.now() + DAY)
    assert titles_in(digests()[-1], [oldest, newest, middle]) == ["Cook"]
    assert not unsent.exists()


def test_an_alert_whose_digest_cannot_be_written_holds_up_no_other(monkeypatch):
    failing = made_days_ago(DailyAlertFactory, 2)
    working = made_days_ago(DailyAlertFactory, 2)
    matched(failing, "Cook")
    matched(working, "Porter")
    write = digests_module.digest_email

    def write_or_fail(alert, *args, **kwargs):
        if alert.pk == failing.pk:
            raise RuntimeError("the email could not be written")
        return write(alert, *args, **kwargs)

    monkeypatch.setattr(digests_module, "digest_email", write_or_fail)
    report = send_due_digests()

    assert report.emails == 1
    assert [email.to for email in digests()] == [[working.owner.email]]
    # The failed alert is not claimed and its match is still waiting for the next run.
    before = failing.last_digest_at
    failing.refresh_from_db()
    assert failing.last_digest_at == before
    assert list(
        AlertMatch.objects.filter(sent_at__isnull=True).values_list("alert", flat=True)
    ) == [failing.pk]

    monkeypatch.setattr(digests_module, "digest_email", write)
    assert send_due_digests().emails == 1
    assert not AlertMatch.objects.filter(sent_at__isnull=True).exists()


def test_a_posting_that_cannot_be_rendered_holds_up_only_the_digests_listing_it(monkeypatch):
    stuck = made_days_ago(DailyAlertFactory, 2)
    fine = made_days_ago(DailyAlertFactory, 2)
    [broken] = matched(stuck, "Cook")
    matched(fine, "Porter")
    render = digests_module.posting_block

    def render_or_fail(posting):
        if posting.pk == broken.pk:
            raise ValueError("this posting's email part cannot be rendered")
        return render(posting)

    monkeypatch.setattr(digests_module, "posting_block", render_or_fail)

    assert send_due_digests().emails == 1
    assert [email.to for email in digests()] == [[fine.owner.email]]
    assert list(
        AlertMatch.objects.filter(sent_at__isnull=True).values_list("alert", flat=True)
    ) == [stuck.pk]


def test_an_email_the_database_refuses_holds_up_only_its_own_alert(caplog):
    refused = made_days_ago(DailyAlertFactory, 2)
    others = [made_days_ago(DailyAlertFactory, 2) for _ in range(2)]
    for alert in (refused, *others):
        matched(alert, "Cook")

    def refuse(sender, *, emails, **kwargs):
        if refused.pk in {email.alert_id for email in emails}:
            # A real database error: on PostgreSQL it spoils the transaction.
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM no_such_table")

    alert_emails_queued.connect(refuse, dispatch_uid="test.refuse")
    try:
        report = send_due_digests()
    finally:
        alert_emails_queued.disconnect(dispatch_uid="test.refuse")

    assert report.emails == 2
    assert sorted(email.to[0] for email in digests()) == sorted(a.owner.email for a in others)
    # The refused alert is not claimed, and its match waits for the next run.
    before = refused.last_digest_at
    refused.refresh_from_db()
    assert refused.last_digest_at == before
    unsent = AlertMatch.objects.filter(sent_at__isnull=True)
    assert list(unsent.values_list("alert", flat=True)) == [refused.pk]
    assert f"The digest of alert {refused.pk} could not be queued" in caplog.text

    assert send_due_digests().emails == 1
    assert not unsent.exists()


def test_a_match_sent_since_the_run_read_it_leaves_that_digest_for_later():
    alert = made_days_ago(DailyAlertFactory, 2)
    sent_since, still_waiting = matched(alert, "Cook", "Porter")
    other = made_days_ago(DailyAlertFactory, 2)
    matched(other, "Baker")
    now = timezone.now()
    batch = list(Alert.objects.filter(pk__in=[alert.pk, other.pk]).order_by("pk"))
    waiting = waiting_matches(batch, now)
    written = [(_digest_email(a, waiting[a.pk], _Shared()), waiting[a.pk]) for a in batch]
    # Sent meanwhile, say by a check after the alert was switched to instant.
    AlertMatch.objects.filter(alert=alert, posting=sent_since).update(sent_at=now)

    with transaction.atomic():
        queued = _queue_batch(written, now)

    assert [email.alert.pk for email, _matches in queued] == [other.pk]
    assert [email.to for email in digests()] == [[other.owner.email]]
    assert AlertMatch.objects.get(alert=alert, posting=still_waiting).sent_at is None
    assert send_due_digests().emails == 1
    assert titles_in(digests()[-1], [sent_since, still_waiting]) == ["Porter"]


def test_a_batch_of_digests_is_written_in_a_few_statements(django_assert_max_num_queries):
    for _ in range(30):
        matched(made_days_ago(DailyAlertFactory, 2), "Cook", "Porter")

    # One claim per alert; the rest (reads, the emails, the matches marked
    # sent, the case workers' grants) a handful of statements per batch.
    with django_assert_max_num_queries(30 + 15):
        report = send_due_digests()

    assert (report.emails, report.postings) == (30, 60)


def test_claiming_moves_on_only_the_alerts_no_one_else_claimed_or_paused():
    made = timezone.now().replace(microsecond=123456) - timedelta(hours=30)
    fresh, other, stale, paused = (
        DailyAlertFactory(last_digest_at=made - timedelta(hours=hours)) for hours in (0, 50, 0, 0)
    )
    # Another run claimed `stale` after this one read it; `paused` was paused since.
    Alert.objects.filter(pk=stale.pk).update(last_digest_at=made + DAY)
    Alert.objects.filter(pk=paused.pk).update(is_paused=True)
    now = timezone.now()

    assert claim_digests([fresh, other, stale, paused], now) == {fresh.pk, other.pk}

    marks = dict(Alert.objects.values_list("pk", "last_digest_at"))
    assert marks == {
        fresh.pk: made + DAY,  # each keeps to its own time of day
        other.pk: made - timedelta(hours=50) + 3 * DAY,
        stale.pk: made + DAY,
        paused.pk: made,
    }
    assert claim_digests([fresh], now) == set()  # read before the claim: claimed already


def test_a_failing_copy_in_a_batch_holds_up_only_its_own_seekers_digest(monkeypatch):
    # Three seekers, each with a case worker who gets copies; the last copy
    # fails, so the batch goes again alert by alert after a rolled-back insert
    # (whose ids SQLite hands out again: the retry must not reuse them).
    grants = [GrantFactory(may_get_alerts=True) for _ in range(3)]
    alerts = [made_days_ago(DailyAlertFactory, 2, owner=grant.seeker) for grant in grants]
    for alert in alerts:
        matched(alert, "Cook")
    write = alert_copies.queue_email

    def write_or_fail(*, to, **kwargs):
        if to == grants[2].case_worker.email:
            with connection.cursor() as cursor:  # a real database error
                cursor.execute("SELECT * FROM no_such_table")
        return write(to=to, **kwargs)

    monkeypatch.setattr(alert_copies, "queue_email", write_or_fail)

    assert send_due_digests().emails == 2

    sent_to = sorted(address for email in OutgoingEmail.objects.all() for address in email.to)
    expected = [g.seeker.email for g in grants[:2]]
    expected += [g.case_worker.email for g in grants[:2]]
    assert sent_to == sorted(expected)
    unsent = AlertMatch.objects.filter(sent_at__isnull=True)
    assert list(unsent.values_list("alert", flat=True)) == [alerts[2].pk]
