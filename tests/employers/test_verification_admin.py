"""Employer verification in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group

from employers.models import Employer, VerificationStatus
from tests.factories import EmployerWithoutPolicyFactory, OwnerFactory, UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_the_list_shows_employers_waiting_first(client, moderator):
    waiting = OwnerFactory(employer__verification_status=VerificationStatus.PENDING).employer
    OwnerFactory()
    client.force_login(moderator)

    page = parse(client.get("/admin/employers/"))

    assert [a.get_text() for a in page.select("tbody a")] == [waiting.name]


def test_verifying_records_who_and_when(client, moderator):
    employer = OwnerFactory(employer__verification_status=VerificationStatus.PENDING).employer
    client.force_login(moderator)

    client.post(f"/admin/employers/{employer.pk}/", {"action": "verify"})

    employer.refresh_from_db()
    assert employer.is_verified
    assert employer.verified_by == moderator
    assert employer.verified_at is not None


def test_an_employer_without_a_policy_cannot_be_verified(client, moderator):
    employer = EmployerWithoutPolicyFactory()
    client.force_login(moderator)

    response = client.post(f"/admin/employers/{employer.pk}/", {"action": "verify"}, follow=True)

    assert "no fair-chance policy to verify" in response.content.decode()
    assert not Employer.objects.get(pk=employer.pk).is_verified


def test_removing_the_badge_needs_a_reason(client, moderator):
    employer = OwnerFactory(employer__verification_status=VerificationStatus.VERIFIED).employer
    client.force_login(moderator)

    response = client.post(f"/admin/employers/{employer.pk}/", {"action": "unverify", "reason": ""})

    assert "Give the employer a reason." in response.content.decode()
    assert Employer.objects.get(pk=employer.pk).is_verified


def test_auto_approval_only_for_verified_employers(client, moderator):
    unverified = OwnerFactory().employer
    client.force_login(moderator)

    client.post(f"/admin/employers/{unverified.pk}/", {"action": "auto_approve_on"})

    assert not Employer.objects.get(pk=unverified.pk).auto_approve_postings


def test_people_without_the_permission_are_refused(client):
    editor = UserFactory(is_staff=True)
    employer = OwnerFactory().employer
    client.force_login(editor)

    client.post(f"/admin/employers/{employer.pk}/", {"action": "verify"})

    assert not Employer.objects.get(pk=employer.pk).is_verified
