"""The production server behind one proxy (TRUSTED_PROXY_COUNT=1): the tests play the
proxy, which connects from loopback and appends the visitor's address to
X-Forwarded-For after whatever the visitor sent."""

from __future__ import annotations

import time

CREDENTIALS = "/api/v1/credentials"


def from_visitor(site, address: str, forged: str = ""):
    chain = f"{forged}, {address}" if forged else address
    return site.get(CREDENTIALS, headers={"X-Forwarded-For": chain})


def exhaust_limit(site, address: str) -> None:
    """Call as ``address`` until refused with at least 3 s of the minute's window left
    (the Retry-After header says how long), so the next calls fall in the same window.
    Refused nearer the window's end, it waits for the next window and starts again."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = from_visitor(site, address)
        if response.status == 429:
            if int(response.headers["Retry-After"]) >= 3:
                return
            time.sleep(int(response.headers["Retry-After"]))
    raise AssertionError("the anonymous API limit never refused")


def test_two_visitors_behind_the_proxy_have_separate_api_limits(production_site):
    exhaust_limit(production_site, "198.51.100.30")

    assert from_visitor(production_site, "198.51.100.30").status == 429
    assert from_visitor(production_site, "198.51.100.31").status == 200


def test_a_forged_forwarded_address_does_not_escape_the_limit(production_site):
    exhaust_limit(production_site, "198.51.100.40")

    forged = from_visitor(production_site, "198.51.100.40", forged="198.51.100.41")

    assert forged.status == 429


def test_the_access_log_names_the_visitor_not_the_proxy_or_a_forged_address(production_site):
    production_site.get("/healthz", headers={"X-Forwarded-For": "203.0.113.8, 198.51.100.50"})

    entry = production_site.access_entry(lambda entry: entry["client"] == "198.51.100.50")

    assert entry["path"] == "/healthz"
    assert entry["remote_addr"] == "127.0.0.1"
    assert "203.0.113.8" not in production_site.access_log()
