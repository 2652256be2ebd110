import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from employers import services
from employers.models import MemberRole, Membership, VerificationStatus
from employers.policy import policy_sentences
from tests.factories import (
    EditorFactory,
    EmployerFactory,
    EmployerUserFactory,
    EmployerWithoutPolicyFactory,
    FairChancePolicyFactory,
    OwnerFactory,
    VerifiedEmployerFactory,
)

pytestmark = pytest.mark.django_db


def test_creating_an_organisation_makes_its_creator_the_owner():
    person = EmployerUserFactory()

    employer = services.employer_create(by=person, name="New", industry="retail", size="1-9")

    assert employer.slug == "new-2"  # "new" is one of the dashboard's own paths
    assert Membership.objects.get(employer=employer).role == MemberRole.OWNER


def test_editors_verify_and_the_members_hear_after_commit(django_capture_on_commit_callbacks):
    owner = OwnerFactory()
    editor = EditorFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.employer_verify(employer=owner.employer, by=editor)

    employer = owner.employer
    assert employer.is_verified
    assert employer.verified_by == editor
    assert employer.verified_at is not None
    assert [m.to for m in mail.outbox] == [[owner.user.email]]


def test_only_editors_verify_and_only_a_policy_can_be_verified():
    owner = OwnerFactory()
    with pytest.raises(PermissionDenied):
        services.employer_verify(employer=owner.employer, by=owner.user)
    with pytest.raises(ValidationError, match="no fair-chance policy"):
        services.employer_verify(employer=EmployerWithoutPolicyFactory(), by=EditorFactory())


def test_changing_a_verified_policy_sends_it_back_for_review():
    employer = VerifiedEmployerFactory(auto_approve_postings=True)
    owner = OwnerFactory(employer=employer)

    services.policy_save(
        employer=employer,
        by=owner.user,
        fields={"check_timing": "before_offer_by_law"},
        exclusions=[],
    )

    employer.refresh_from_db()
    assert employer.verification_status == VerificationStatus.PENDING
    assert not employer.is_verified
    assert not employer.auto_approve_postings


def test_saving_a_verified_policy_unchanged_keeps_the_badge():
    employer = VerifiedEmployerFactory()
    policy = employer.policy

    services.policy_save(
        employer=employer,
        by=OwnerFactory(employer=employer).user,
        fields={"check_timing": policy.check_timing, "support": list(reversed(policy.support))},
        exclusions=[],
    )

    employer.refresh_from_db()
    assert employer.is_verified


def test_unverifying_needs_a_reason_and_emails_it(django_capture_on_commit_callbacks):
    employer = VerifiedEmployerFactory()
    owner = OwnerFactory(employer=employer)
    with pytest.raises(ValidationError):
        services.employer_unverify(employer=employer, by=EditorFactory(), reason="")

    with django_capture_on_commit_callbacks(execute=True):
        services.employer_unverify(employer=employer, by=EditorFactory(), reason="Say which roles.")

    assert not employer.is_verified
    assert "Say which roles." in mail.outbox[0].body
    assert mail.outbox[0].to == [owner.user.email]


def test_only_verified_employers_can_skip_review():
    with pytest.raises(ValidationError):
        services.employer_set_auto_approve(
            employer=EmployerFactory(), by=EditorFactory(), value=True
        )


def test_an_invitation_is_emailed_and_works_once_for_its_own_address(
    django_capture_on_commit_callbacks,
):
    owner = OwnerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            employer=owner.employer, by=owner.user, email="Pat@Example.org", role="recruiter"
        )
    assert invitation.token in mail.outbox[0].body
    stranger = EmployerUserFactory(email="someone.else@example.org")
    with pytest.raises(ValidationError, match="different email"):
        services.invitation_accept(invitation=invitation, user=stranger)

    pat = EmployerUserFactory(email="pat@example.org")
    membership = services.invitation_accept(invitation=invitation, user=pat)

    assert membership.role == MemberRole.RECRUITER
    with pytest.raises(ValidationError, match="used or has expired"):
        services.invitation_accept(invitation=invitation, user=pat)


def test_the_last_owner_cannot_be_removed():
    owner = OwnerFactory()

    with pytest.raises(ValidationError, match="at least one owner"):
        services.membership_remove(membership=owner, by=owner.user)

    second = OwnerFactory(employer=owner.employer)
    services.membership_remove(membership=owner, by=second.user)
    assert not Membership.objects.filter(pk=owner.pk).exists()


def test_the_policy_reads_as_plain_sentences():
    policy = FairChancePolicyFactory(
        check_timing="after_offer",
        check_level="basic",
        support=["mentoring", "transport"],
        pledges=["ban_the_box"],
        incentives=["wotc"],
    )
    policy.exclusions.create(role_type="driving", offence_category="driving")

    sentences = policy_sentences(policy)

    assert sentences[0].startswith("We only look at criminal records after we offer you the job")
    assert sentences[1].startswith("We use a basic check. It shows current convictions only")
    assert sentences[2].startswith("We ignore convictions that are spent")
    assert (
        "Driving roles: the law rules out people with some convictions for serious driving "
        "offences. The job advert says when this applies." in sentences
    )
    assert "Support we offer: mentoring and help with transport." in sentences
    assert "We have signed: Ban the Box." in sentences
    assert "We use: Work Opportunity Tax Credit (WOTC)." in sentences


def test_an_employer_without_a_policy_says_so():
    assert policy_sentences(None) == ["This employer has not set out a fair-chance policy yet."]
