"""Partner keys and personal tokens: issued once, stored hashed, revoked, rate-limited, counted."""

import logging
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from fairsite.api.keys import partner_key_issue, personal_token_create, tokens_of
from fairsite.api.models import ALL_SCOPES, PartnerKey, PartnerKeyUsage, Scope
from tests.factories import PASSWORD, EditorFactory, UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

CREDENTIALS = "/api/v1/credentials"
NOON = datetime(2026, 3, 2, 12, 0, 10, tzinfo=UTC)


def issue(**kwargs):
    defaults = {"name": "Northside Reentry", "contact_email": "tech@northside.example"}
    return partner_key_issue(scopes=kwargs.pop("scopes", ALL_SCOPES), **{**defaults, **kwargs})


def test_a_good_key_reads_and_its_use_is_counted_per_day(client, seeded_credentials):
    issued = issue()

    response = client.get(CREDENTIALS, headers={"X-API-Key": issued.secret})

    assert response.status_code == 200
    usage = PartnerKeyUsage.objects.get(key=issued.key)
    assert (usage.requests, usage.throttled) == (1, 0)
    issued.key.refresh_from_db()
    assert issued.key.last_used_at is not None


def test_keys_are_stored_only_as_a_hash_and_a_prefix(db):
    issued = issue()

    row = PartnerKey.objects.filter(pk=issued.key.pk).values().get()
    assert issued.secret not in str(row)
    assert issued.secret.startswith(row["prefix"])
    assert len(row["prefix"]) == 12


@pytest.mark.parametrize(
    "header",
    ["fcp_not-a-key-we-made", "nonsense", "x" * 5000, "fcp_" + "a" * 43],
)
def test_an_unknown_key_gets_401_and_the_error_never_repeats_it(client, db, header):
    response = client.get(CREDENTIALS, headers={"X-API-Key": header})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert header not in response.content.decode()


def test_a_revoked_key_gets_401(client, db):
    issued = issue()
    assert client.get(CREDENTIALS, headers={"X-API-Key": issued.secret}).status_code == 200
    from fairsite.api.keys import partner_key_revoke

    partner_key_revoke(key=issued.key)

    response = client.get(CREDENTIALS, headers={"X-API-Key": issued.secret})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "This API key is not valid or has been revoked."


def test_a_key_without_the_scope_gets_403(client, db):
    issued = issue(scopes=[Scope.POSTINGS])

    response = client.get(CREDENTIALS, headers={"X-API-Key": issued.secret})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_an_over_limit_key_gets_429_with_retry_after_and_the_refusal_is_counted(client, db):
    issued = issue(requests_per_minute=2)
    headers = {"X-API-Key": issued.secret}
    with time_machine.travel(NOON, tick=False):
        assert [client.get(CREDENTIALS, headers=headers).status_code for _ in range(2)] == [200] * 2
        refused = client.get(CREDENTIALS, headers=headers)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"  # the minute's window ends at 12:01:00
    assert refused.json()["error"]["code"] == "rate_limited"
    usage = PartnerKeyUsage.objects.get(key=issued.key)
    assert (usage.requests, usage.throttled) == (2, 1)
    with time_machine.travel(NOON.replace(minute=1), tick=False):
        assert client.get(CREDENTIALS, headers=headers).status_code == 200


def test_anonymous_callers_share_a_lower_limit_per_address(client, db, settings):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 3
    with time_machine.travel(NOON, tick=False):
        statuses = [client.get(CREDENTIALS).status_code for _ in range(4)]
        other_address = client.get(CREDENTIALS, REMOTE_ADDR="192.0.2.7")
        with_key = client.get(CREDENTIALS, headers={"X-API-Key": issue().secret})

    assert statuses == [200, 200, 200, 429]
    assert other_address.status_code == 200
    assert with_key.status_code == 200


def test_an_editor_issues_a_key_in_the_admin_and_sees_it_once(client, db, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(EditorFactory())
    created = client.post(
        reverse("partner_keys:add"),
        {
            "name": "Westgate Workforce Board",
            "contact_name": "Sam Okafor",
            "contact_email": "sam@westgate.example",
            "scopes": [Scope.POSTINGS, Scope.EMPLOYERS],
            "requests_per_minute": 300,
        },
    )

    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"]
    secret = parse(created).select_one("#issued-key")["value"]
    key = PartnerKey.objects.get()
    assert secret.startswith(key.prefix)
    assert key.scopes == [Scope.POSTINGS, Scope.EMPLOYERS]
    assert client.get(CREDENTIALS, headers={"X-API-Key": secret}).status_code == 403
    assert client.get("/api/v1/employers", headers={"X-API-Key": secret}).status_code == 200

    listing = client.get(reverse("partner_keys:index")).content.decode()
    editing = client.get(reverse("partner_keys:edit", args=[key.pk])).content.decode()
    assert key.prefix in listing
    for page in (listing, editing):
        assert secret not in page
    assert secret not in caplog.text


def test_an_editor_revokes_a_key_in_the_admin(client, db):
    issued = issue()
    client.force_login(EditorFactory())
    response = client.post(
        reverse("partner_keys:edit", args=[issued.key.pk]),
        {
            "name": issued.key.name,
            "contact_name": "",
            "contact_email": issued.key.contact_email,
            "scopes": issued.key.scopes,
            "requests_per_minute": 600,
            "revoke": "on",
        },
    )

    assert response.status_code == 302
    issued.key.refresh_from_db()
    assert issued.key.is_revoked
    assert client.get(CREDENTIALS, headers={"X-API-Key": issued.secret}).status_code == 401


def test_keys_and_tokens_never_reach_the_logs(client, db, caplog, settings):
    settings.DEBUG = True  # ninja's own bearer parser logs the header in DEBUG; ours must not
    caplog.set_level(logging.DEBUG)
    issued = issue()
    token = personal_token_create(user=UserFactory(), name="phone").secret
    for headers in (
        {"X-API-Key": issued.secret},
        {"X-API-Key": issued.secret + "x"},
        {"Authorization": f"Bearer {token}"},
        {"Authorization": f"Token {token}"},
        {"Authorization": f"Bearer {token}x"},
    ):
        client.get("/api/v1/me", headers=headers)
        client.get(CREDENTIALS, headers=headers)

    assert issued.secret not in caplog.text
    assert token not in caplog.text


# Personal tokens ---------------------------------------------------------------


def _reauthenticate(client):
    next_url = reverse("tokens:list")
    client.post(f"/accounts/reauthenticate/?next={next_url}", {"password": PASSWORD})


def test_a_person_makes_a_token_sees_it_once_and_reads_me_with_it(client, db):
    person = UserFactory()
    client.force_login(person)
    _reauthenticate(client)
    made = client.post(reverse("tokens:list"), {"name": "My phone"})

    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    secret = parse(made).select_one("#new-token")["value"]
    assert secret not in client.get(reverse("tokens:list")).content.decode()

    client.logout()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200
    assert me.json()["email"] == person.email
    assert secret.startswith(me.json()["token"]["prefix"])


def test_a_revoked_token_gets_401(client, db):
    person = UserFactory()
    issued = personal_token_create(user=person, name="laptop")
    client.force_login(person)

    revoked = client.post(reverse("tokens:revoke", args=[issued.token.pk]))

    assert revoked.status_code == 302
    client.logout()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {issued.secret}"})
    assert me.status_code == 401
    assert me.json()["error"]["code"] == "unauthenticated"


def test_nobody_can_revoke_someone_elses_token(client, db):
    issued = personal_token_create(user=UserFactory(), name="laptop")
    client.force_login(UserFactory())

    assert client.post(reverse("tokens:revoke", args=[issued.token.pk])).status_code == 404
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


def test_the_token_page_needs_a_signed_in_person_and_a_name(client, db):
    assert client.get(reverse("tokens:list")).status_code == 302
    client.force_login(UserFactory())
    _reauthenticate(client)

    response = client.post(reverse("tokens:list"), {"name": ""})

    assert "Give the token a name." in response.content.decode()


def test_no_token_is_made_or_shown_before_the_password_is_given_again(client, db):
    person = UserFactory()
    issued = personal_token_create(user=person, name="laptop")
    client.force_login(person)

    listed = client.get(reverse("tokens:list"))
    made = client.post(reverse("tokens:list"), {"name": "Stolen"})

    for response in (listed, made):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/reauthenticate/")
    assert [token.name for token in tokens_of(person)] == ["laptop"]
    assert client.post(reverse("tokens:revoke", args=[issued.token.pk])).status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer x"},
    ],
)
def test_me_without_a_good_token_gets_401(client, db, headers):
    response = client.get("/api/v1/me", headers=headers)

    assert response.status_code == 401
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_a_session_cookie_is_not_a_token(client, db):
    client.force_login(UserFactory())

    assert client.get("/api/v1/me").status_code == 401
