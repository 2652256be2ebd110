"""What the production server sends, behind a proxy that terminates TLS: HTTPS
redirects, HSTS, CSP and the other security headers on HTML pages, compressed
static files with far-future caching, secure cookies."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.production.conftest import SITE_URL, listed_posting_paths

HTML_PAGES = ["/", "/jobs/?q=forklift", "/employers/", "/accounts/login/"]


def test_plain_http_is_redirected_to_https_on_the_same_path(production_site):
    response = production_site.get("/jobs/?q=forklift", https=False)

    assert response.status == 301
    assert response.headers["Location"] == f"{SITE_URL}/jobs/?q=forklift"


def test_healthz_answers_plain_http_for_load_balancers(production_site):
    assert production_site.get("/healthz", https=False).status == 200


@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_pages_carry_the_security_headers(production_site, path):
    response = production_site.get(path)

    assert response.status == 200, path
    assert response.headers["Content-Type"].startswith("text/html")
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy)[1].split()
    assert script_src[0] == "'self'"
    assert "'unsafe-inline'" not in script_src
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy


def test_a_posting_page_carries_the_headers_too(production_site):
    posting_path = listed_posting_paths(production_site, "forklift")[0]

    response = production_site.get(posting_path)

    assert response.status == 200
    assert "Content-Security-Policy" in response.headers
    assert "Strict-Transport-Security" in response.headers


def test_cookies_are_secure_and_http_only(production_site):
    response = production_site.get("/accounts/login/")

    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=")
    assert "Secure" in cookie
    assert "HttpOnly" in cookie


def test_static_files_are_compressed_and_cached_for_a_year(production_site):
    home = production_site.get("/").data.decode()
    stylesheet = re.search(
        r'<link rel="stylesheet" href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home
    )
    assert stylesheet, "no hashed stylesheet on the home page"

    response = production_site.get(
        stylesheet[1], headers={"Accept-Encoding": "gzip"}, preload_content=False
    )

    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    cache_control = response.headers["Cache-Control"]
    assert "max-age=315360000" in cache_control
    assert "immutable" in cache_control
    css = gzip.decompress(response.read(decode_content=False)).decode()
    assert "{" in css
