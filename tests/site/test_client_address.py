"""Behind a proxy, whose address a request is: each visitor has their own limits, and
a forged X-Forwarded-For cannot choose an address (sign-in limits and the API's)."""

from datetime import UTC, datetime

import pytest
import time_machine

from fairsite.client_address import address_from

PROXY = "10.0.0.5"
ALICE = "198.51.100.10"
BOB = "198.51.100.20"
NOON = datetime(2026, 3, 2, 12, 0, 10, tzinfo=UTC)


def via_proxy(client_addr: str, forged: str = "") -> dict:
    """request.META as the site sees it when one proxy passed the request on:
    the proxy connected, and appended the address it saw to what the client sent."""
    chain = f"{forged}, {client_addr}" if forged else client_addr
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


@pytest.mark.parametrize(
    ("meta", "proxies", "expected"),
    [
        ({"REMOTE_ADDR": ALICE}, 0, ALICE),
        # No proxy trusted: a client's own header is ignored.
        ({"REMOTE_ADDR": ALICE, "HTTP_X_FORWARDED_FOR": BOB}, 0, ALICE),
        (via_proxy(ALICE), 1, ALICE),
        # Whatever the client wrote sits to the left of what the proxy added.
        (via_proxy(ALICE, forged=BOB), 1, ALICE),
        (via_proxy(ALICE, forged=f"{BOB}, 203.0.113.1"), 1, ALICE),
        # Two proxies: the outer one added the visitor, the inner one the outer.
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{BOB}, {ALICE}, 10.0.0.9"}, 2, ALICE),
        # Fewer entries than proxies: the request skipped one, so the header is the
        # client's own words and the connecting address is all that can be trusted.
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": BOB}, 2, PROXY),
        ({"REMOTE_ADDR": PROXY}, 1, PROXY),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "not-an-address"}, 1, PROXY),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": " 2001:db8::1 "}, 1, "2001:db8::1"),
    ],
)
def test_address_is_the_entry_the_trusted_proxies_wrote(meta, proxies, expected):
    assert address_from(meta, proxies) == expected


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    return settings


@pytest.mark.django_db
def test_two_visitors_behind_one_proxy_have_their_own_api_limit(client, behind_one_proxy):
    behind_one_proxy.API_ANONYMOUS_REQUESTS_PER_MINUTE = 2
    with time_machine.travel(NOON, tick=False):
        alice = [client.get("/api/v1/credentials", **via_proxy(ALICE)).status_code for _ in "abc"]
        bob = client.get("/api/v1/credentials", **via_proxy(BOB)).status_code
        forged = client.get("/api/v1/credentials", **via_proxy(ALICE, forged=BOB)).status_code

    assert alice == [200, 200, 429]
    assert bob == 200
    assert forged == 429


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forged_header_does_not_escape_the_api_limit(client, settings):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 1
    with time_machine.travel(NOON, tick=False):
        first = client.get("/api/v1/credentials", REMOTE_ADDR=ALICE).status_code
        forged = client.get(
            "/api/v1/credentials", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR=BOB
        ).status_code

    assert (first, forged) == (200, 429)


@pytest.mark.django_db
def test_one_visitor_cannot_lock_sign_in_for_everyone_behind_the_proxy(client, behind_one_proxy):
    behind_one_proxy.ACCOUNT_RATE_LIMITS = {
        **behind_one_proxy.ACCOUNT_RATE_LIMITS,
        "login_failed": "2/m/ip",
    }

    def sign_in(email, **meta):
        return client.post(
            "/accounts/login/", {"login": email, "password": "wrong-password"}, **meta
        ).status_code

    alice = [sign_in(f"someone{n}@example.org", **via_proxy(ALICE)) for n in range(3)]
    bob = sign_in("bob@example.org", **via_proxy(BOB))
    forged = sign_in("carol@example.org", **via_proxy(ALICE, forged=BOB))

    assert alice == [200, 200, 429]
    assert bob == 200
    assert forged == 429


@pytest.mark.django_db
def test_a_visitors_count_survives_hundreds_of_other_visitors(settings):
    # Each visitor's limit is an entry in the shared cache; a cache that culls at a
    # few hundred entries (Django's default) would quietly reset limits on a busy day.
    # (Culling deletes the entries whose keys sort first, as this one does.)
    from fairsite.rate_limits import count_request

    with time_machine.travel(NOON, tick=False):
        count_request("test-visitor:a-first")
        for n in range(400):
            count_request(f"test-visitor:b-{n}")
        again = count_request("test-visitor:a-first")

    assert again.count == 2
