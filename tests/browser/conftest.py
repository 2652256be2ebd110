"""Browser tests: Playwright drives the system's Chromium against the live test
server, and axe-core checks every page visited against WCAG 2.2 AA."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

# Playwright's sync API runs an event loop in the test's thread; Django refuses
# database calls from a thread with a running loop unless told it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium is missing: run `make test` or `apt-get install chromium`.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser: Browser, live_server, **options) -> Page:
    # axe-core goes in as an inline script, which the site's Content-Security-
    # Policy forbids; tests/browser/test_content_security_policy.py walks the
    # pages with the policy enforced.
    options.setdefault("bypass_csp", True)
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(browser, live_server):
    page = open_page(browser, live_server)
    yield page
    page.context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    page = open_page(browser, live_server, java_script_enabled=False)
    yield page
    page.context.close()


@pytest.fixture
def small_phone_page(browser, live_server):
    page = open_page(browser, live_server, viewport={"width": 320, "height": 640})
    yield page
    page.context.close()


def axe_violations(page: Page) -> list[dict]:
    """Serious and critical WCAG 2.2 AA findings on the page as it is now."""
    if not AXE_SCRIPT.exists():
        pytest.fail(
            "axe-core is missing: run `make test` (it installs it with npm).", pytrace=False
        )
    # A click that follows a link can return while the browser is still between
    # two documents: the new one may have no element to hold a script yet, or
    # the old one may go away under axe. Wait for the page to load, and look
    # once more if the document changed while axe was being added or running.
    try:
        return _run_axe(page)
    except PlaywrightError as error:
        if not _between_documents(error):
            raise
    return _run_axe(page)


def _run_axe(page: Page) -> list[dict]:
    page.wait_for_load_state("load")
    # Needs a page with JavaScript on: with it off (page_without_js) the
    # injected script never runs and axe's timers never fire.
    page.add_script_tag(path=str(AXE_SCRIPT))
    # resultTypes: only the violations get their nodes' details worked out and
    # sent back (axe's documented speed-up); which rules run does not change.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def _between_documents(error: Exception) -> bool:
    message = str(error)
    return "Execution context was destroyed" in message or "appendChild" in message


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        report = [
            {
                "rule": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "where": [node["target"] for node in v["nodes"][:5]],
            }
            for v in violations
        ]
        pytest.fail(f"axe found problems on {page.url}:\n{json.dumps(report, indent=2)}")


def horizontal_overflow(page: Page) -> int:
    """How many pixels the document is wider than the window (0 or less: it fits)."""
    page.wait_for_load_state("load")  # not the page a click is leaving
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def sign_in(page: Page, user, live_server) -> None:
    """Give the browser a signed-in session for `user` (signing in is tested elsewhere)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def publish_in_both_glasgows(*, scotland_title: str, kentucky_title: str) -> None:
    """One live posting in Glasgow, Scotland and one in Glasgow, Kentucky, searchable now."""
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index
    from tests.factories import PublishedPostingFactory

    ensure(postings_index)
    PublishedPostingFactory(
        title=scotland_title,
        located="Glasgow, Scotland",
        located__country="GB",
        located__region="Scotland",
        located__latitude=55.8652,
        located__longitude=-4.2576,
    )
    PublishedPostingFactory(
        title=kentucky_title,
        located="Glasgow, KY",
        located__region="KY",
        located__latitude=36.9959,
        located__longitude=-85.9119,
    )
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)
