"""The partner widget on someone else's page: the script writes an accessible
iframe that lists the employer's open roles and grows to fit them."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import PublishedPostingFactory, VerifiedEmployerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def employer():
    employer = VerifiedEmployerFactory(name="Harbour Kitchens", slug="harbour-kitchens")
    for title in ("Line cook", "Kitchen porter", "Breakfast chef"):
        PublishedPostingFactory(employer=employer, title=title)
    return employer


@pytest.fixture
def partner_site():
    """A partner's own web server, on another loopback origin, serving one page."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()
    server.server_close()


def test_a_partner_page_embeds_the_widget_with_the_script(
    page, live_server, employer, partner_site
):
    origin, pages = partner_site
    pages["/jobs"] = (
        "<!doctype html><html lang='en'><head><title>Partner</title></head><body><main>"
        "<h1>Jobs from our partners</h1>"
        f"<script src='{live_server.url}/widget/jobs.js' data-employer='{employer.slug}'"
        " data-accent='#7a1f5c' data-title='Jobs at Harbour Kitchens'></script>"
        "</main></body></html>"
    ).encode()
    page.goto(f"{origin}/jobs")

    frame_element = page.locator("iframe[title='Jobs at Harbour Kitchens']")
    expect(frame_element).to_be_visible()
    frame = page.frame_locator("iframe[title='Jobs at Harbour Kitchens']")
    expect(frame.get_by_role("heading", name="Jobs at Harbour Kitchens")).to_be_visible()
    expect(frame.get_by_role("listitem")).to_have_count(3)
    expect(frame.get_by_role("link", name="Line cook (opens in a new tab)")).to_be_visible()
    # The iframe grows to the list's height, so it never scrolls inside.
    page.wait_for_function("() => document.querySelector('iframe').style.height.endsWith('px')")
    assert page.context.cookies(live_server.url) == []


@pytest.fixture
def page_without_csp(browser, live_server):
    # The widget's CSP allows only its own script; axe is injected for the test.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("theme", ["", "&accent=%23ffd166&background=%231b1b3a"])
def test_the_widget_page_is_accessible(page_without_csp, employer, theme):
    page = page_without_csp
    page.goto(f"/widget/jobs/?employer={employer.slug}{theme}")

    expect(page.get_by_role("heading", name="Jobs at Harbour Kitchens")).to_be_visible()
    assert_accessible(page)
