"""The moderation queue in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group, Permission

from jobs.models import JobPosting, Status
from tests.factories import OwnerFactory, PendingPostingFactory, UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    """An editor in Wagtail's Moderators group (which a migration lets moderate)."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def plain_editor():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_queue_lists_postings_waiting_with_their_wording_flags(client, moderator):
    PendingPostingFactory(title="Cook: no felons")
    PendingPostingFactory(title="Porter")
    client.force_login(moderator)

    page = parse(client.get("/admin/moderation/"))

    rows = [" ".join(row.get_text().split()) for row in page.select("tbody tr")]
    assert any(row.startswith("Cook: no felons") and "1 flag" in row for row in rows)
    assert any(row.startswith("Porter") and "None" in row for row in rows)


def test_an_editor_without_the_permission_is_refused(client, plain_editor):
    posting = PendingPostingFactory()
    client.force_login(plain_editor)

    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert client.get("/admin/moderation/")["Location"] == "/admin/"
    client.post(f"/admin/moderation/{posting.pk}/", {"decision": "approve"})
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW


def test_approving_from_the_review_page(client, moderator):
    posting = PendingPostingFactory()
    OwnerFactory(employer=posting.employer)
    client.force_login(moderator)

    response = client.post(f"/admin/moderation/{posting.pk}/", {"decision": "approve"})

    assert response.status_code == 302
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PUBLISHED


def test_rejecting_without_a_reason_shows_the_error_and_changes_nothing(client, moderator):
    posting = PendingPostingFactory()
    client.force_login(moderator)

    response = client.post(
        f"/admin/moderation/{posting.pk}/", {"decision": "reject", "reason": " "}
    )

    assert response.status_code == 200
    assert "Give the employer a reason" in response.content.decode()
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW


def test_rejecting_with_a_reason(client, moderator):
    posting = PendingPostingFactory()
    client.force_login(moderator)

    client.post(
        f"/admin/moderation/{posting.pk}/", {"decision": "reject", "reason": "Add the pay."}
    )

    posting.refresh_from_db()
    assert (posting.status, posting.rejection_reason) == (Status.REJECTED, "Add the pay.")


def test_a_decision_on_a_posting_no_longer_waiting_is_refused_clearly(client, moderator):
    posting = PendingPostingFactory(status=Status.DRAFT)
    client.force_login(moderator)

    response = client.post(f"/admin/moderation/{posting.pk}/", {"decision": "approve"}, follow=True)

    assert "You can&#x27;t approve a posting that is draft." in response.content.decode()
    assert JobPosting.objects.get(pk=posting.pk).status == Status.DRAFT


def test_an_unknown_decision_or_posting(client, moderator):
    posting = PendingPostingFactory()
    client.force_login(moderator)

    client.post(f"/admin/moderation/{posting.pk}/", {"decision": "shrug"})
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW
    assert client.get("/admin/moderation/999999/").status_code == 404


def test_the_dashboard_counts_what_waits(client, moderator):
    PendingPostingFactory()
    client.force_login(moderator)

    page = parse(client.get("/admin/"))

    assert "1 Postings waiting for review" in " ".join(page.get_text().split())
